package org.modsuite.ingestion.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import org.modsuite.ingestion.config.IngestionConfig;

/**
 * The HTTP layer's own limit ({@code quarkus.http.limits.max-body-size}) is as large as an import may be, because imports
 * are streamed. Every other endpoint reads its body into memory, so this filter holds them to {@code max-body-size}
 * (16 MB): a larger {@code Content-Length} is a 413, and a body without a length (chunked) is a 411.
 */
@ApplicationScoped
public class BodySizeLimit {

  private final long limit;

  public BodySizeLimit(IngestionConfig config) {
    this.limit = config.maxBodySize();
  }

  void register(@Observes Filters filters) {
    filters.register(this::check, 200);
  }

  private void check(RoutingContext rc) {
    HttpMethod method = rc.request().method();
    boolean hasBody = method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
    if (!hasBody || rc.normalizedPath().equals("/api/v1/imports")) {
      rc.next();
      return;
    }
    String length = rc.request().getHeader("Content-Length");
    if (length == null && "chunked".equalsIgnoreCase(rc.request().getHeader("Transfer-Encoding"))) {
      reject(rc, 411, "Length Required", "send a Content-Length (only /api/v1/imports takes a streamed body)");
      return;
    }
    try {
      if (length != null && Long.parseLong(length.trim()) > limit) {
        reject(rc, 413, "Content Too Large", "the body exceeds " + limit + " bytes; use POST /api/v1/imports for large uploads");
        return;
      }
    } catch (NumberFormatException e) {
      reject(rc, 400, "Bad Request", "Content-Length is not a number");
      return;
    }
    rc.next();
  }

  private static void reject(RoutingContext rc, int status, String title, String detail) {
    rc.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
        .end("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
  }
}
