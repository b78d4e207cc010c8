package org.modsuite.ingestion.service;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.modsuite.support.rest.Problem;

/**
 * Finds connector settings that point into the service's own network: a URL or host whose name resolves to a
 * loopback, link-local, private (RFC 1918, IPv6 unique-local), carrier-grade NAT, unspecified or multicast address.
 * The admin's source test fetches whatever it is given and reports how it went, so without this check it would
 * probe internal ports. A name that does not resolve is left to the fetch (which reports it). A host that resolves
 * differently at fetch time (DNS rebinding) is not caught here.
 */
final class InternalAddresses {

  private static final Pattern BARE_HOST = Pattern.compile("^\\[?[A-Za-z0-9.:-]+\\]?(:\\d{1,5})?$");

  private InternalAddresses() {
  }

  /** One error per setting that names an internal address, with the field as {@code settings.<key>}. */
  static List<Problem.FieldError> named(Map<String, String> settings) {
    List<Problem.FieldError> errors = new ArrayList<>();
    new TreeMap<>(settings).forEach((key, value) -> {
      String host = host(value);
      if (host != null && isInternal(host)) {
        errors.add(new Problem.FieldError("settings." + key,
            "names a loopback, link-local or private address; the source test reaches public addresses only"));
      }
    });
    return errors;
  }

  /** The host a setting names: a URL's host, or the value itself if it looks like a host (with a dot or a colon). */
  static String host(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.trim();
    if (trimmed.contains("://")) {
      try {
        return URI.create(trimmed).getHost();
      } catch (IllegalArgumentException e) {
        return null; // not a URL: the connector's own validation answers
      }
    }
    if (BARE_HOST.matcher(trimmed).matches() && (trimmed.contains(".") || trimmed.contains(":"))) {
      try {
        return URI.create("http://" + trimmed).getHost();
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  static boolean isInternal(String host) {
    String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    try {
      for (InetAddress address : InetAddress.getAllByName(name)) {
        if (isInternal(address)) {
          return true;
        }
      }
      return false;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  static boolean isInternal(InetAddress address) {
    if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress() || address.isAnyLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet6Address) {
      if ((bytes[0] & 0xfe) == 0xfc) {
        return true; // fc00::/7 unique-local
      }
      if (isIpv4Mapped(bytes)) {
        try {
          return isInternal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
        } catch (UnknownHostException e) {
          return true;
        }
      }
      return false;
    }
    int first = bytes[0] & 0xff;
    int second = bytes[1] & 0xff;
    return first == 0 || (first == 100 && second >= 64 && second < 128); // 0.0.0.0/8, 100.64.0.0/10 carrier-grade NAT
  }

  private static boolean isIpv4Mapped(byte[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
  }
}
