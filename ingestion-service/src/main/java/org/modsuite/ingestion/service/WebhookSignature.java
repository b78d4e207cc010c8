package org.modsuite.ingestion.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signature checks over the raw body bytes, in constant time (INGESTION-SOURCES.md §7).
 *
 * <ul>
 *   <li>Standard Webhooks: {@code webhook-signature} lists {@code v1,<base64 HMAC-SHA256>} values (several during key
 *       rotation) over {@code "{webhook-id}.{webhook-timestamp}.{body}"}; a secret {@code whsec_<base64>} is the base64
 *       key, any other secret its UTF-8 bytes. The timestamp must lie within the tolerance of our clock.</li>
 *   <li>WebSub (Mastodon admin webhooks): {@code X-Hub-Signature: sha256=<hex HMAC-SHA256 of the body>}.</li>
 * </ul>
 */
public final class WebhookSignature {

  private WebhookSignature() {
  }

  /** Null when valid, else why not (without any secret material). */
  public static String checkStandard(String secret, String id, String timestamp, byte[] body, String signatures, Instant now, Duration tolerance) {
    if (id == null || id.isBlank() || timestamp == null || signatures == null) {
      return "webhook-id, webhook-timestamp and webhook-signature are required";
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      return "webhook-timestamp must be unix seconds";
    }
    if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(tolerance) > 0) {
      return "webhook-timestamp is more than " + tolerance.toSeconds() + " s away from now";
    }
    byte[] prefix = (id + "." + timestamp.trim() + ".").getBytes(StandardCharsets.UTF_8);
    byte[] signed = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, signed, 0, prefix.length);
    System.arraycopy(body, 0, signed, prefix.length, body.length);
    byte[] expected = hmac(key(secret), signed);
    for (String candidate : signatures.trim().split("\\s+")) {
      int comma = candidate.indexOf(',');
      if (comma > 0 && candidate.substring(0, comma).equals("v1")) {
        try {
          if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate.substring(comma + 1)))) {
            return null;
          }
        } catch (IllegalArgumentException e) {
          // not base64: try the next one
        }
      }
    }
    return "no webhook-signature matches";
  }

  /** Null when {@code X-Hub-Signature} is {@code sha256=} the hex HMAC of the body with the secret's UTF-8 bytes. */
  public static String checkHub(String secret, byte[] body, String header) {
    if (header == null || !header.startsWith("sha256=")) {
      return "X-Hub-Signature must be sha256=<hex>";
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(header.substring("sha256=".length()).trim());
    } catch (IllegalArgumentException e) {
      return "X-Hub-Signature is not hex";
    }
    return MessageDigest.isEqual(hmac(secret.getBytes(StandardCharsets.UTF_8), body), given) ? null : "X-Hub-Signature does not match";
  }

  /** The signature a sender computes, for tests and for partners' documentation. */
  public static String sign(String secret, String id, long timestamp, byte[] body) {
    byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
    byte[] signed = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, signed, 0, prefix.length);
    System.arraycopy(body, 0, signed, prefix.length, body.length);
    return "v1," + Base64.getEncoder().encodeToString(hmac(key(secret), signed));
  }

  static byte[] key(String secret) {
    if (secret.startsWith("whsec_")) {
      try {
        return Base64.getDecoder().decode(secret.substring("whsec_".length()));
      } catch (IllegalArgumentException e) {
        // not base64 after all: use the text
      }
    }
    return secret.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available", e);
    }
  }
}
