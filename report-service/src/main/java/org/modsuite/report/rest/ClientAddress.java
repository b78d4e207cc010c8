package org.modsuite.report.rest;

import io.vertx.core.http.HttpServerRequest;

/** The address a request came from, for rate limits and the audit log: the direct peer (forwarding headers are not trusted). */
public final class ClientAddress {

  private ClientAddress() {
  }

  public static String of(HttpServerRequest request) {
    return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
  }
}
