package org.modsuite.support.rest;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Problem documents for the client errors that Vert.x and Quarkus answer before Quarkus REST sees the request: a
 * body over {@code quarkus.http.limits.max-body-size} (413), a URI over {@code modsuite.http.max-uri-length} (414),
 * and any other 4xx failure of a route (an unreadable form). Quarkus' own answers to these are empty or plain text.
 * Vert.x still answers a request line over twice the URI limit itself (an empty 414), so that a client cannot make
 * it buffer an unbounded line.
 */
@ApplicationScoped
public class HttpEdge implements HttpServerOptionsCustomizer {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Optional<MemorySize> maxBodySize;
  private final int maxUriLength;

  public HttpEdge(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
      @ConfigProperty(name = "modsuite.http.max-uri-length", defaultValue = "8192") int maxUriLength) {
    this.maxBodySize = maxBodySize;
    this.maxUriLength = maxUriLength;
  }

  @Override
  public void customizeHttpServer(HttpServerOptions options) {
    // Room above our own limit, so that a URI somewhat too long gets a problem document rather than Vert.x' empty 414.
    options.setMaxInitialLineLength(Math.max(options.getMaxInitialLineLength(), 2 * maxUriLength + 64));
  }

  void install(@Observes Router router) {
    // Before Quarkus' own body-size check, which answers an empty 413.
    router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::limits);
    router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).failureHandler(this::clientFailure);
  }

  private void limits(RoutingContext context) {
    if (context.request().uri().length() > maxUriLength) {
      send(context, Problem.of(414, "URI Too Long", "The request URI is longer than " + maxUriLength + " characters."));
      return;
    }
    String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && maxBodySize.isPresent()) {
      try {
        if (Long.parseLong(length.trim()) > maxBodySize.get().asLongValue()) {
          context.response().putHeader(HttpHeaders.CONNECTION, "close");
          send(context, Problem.of(413, "Content Too Large", "The request body is larger than " + maxBodySize.get().asLongValue() + " bytes."));
          return;
        }
      } catch (NumberFormatException e) {
        send(context, Problem.invalid(java.util.List.of(new Problem.FieldError("Content-Length", "must be a number"))));
        return;
      }
    }
    context.next();
  }

  private void clientFailure(RoutingContext context) {
    int status = context.failure() instanceof WebApplicationException e ? e.getResponse().getStatus() : context.statusCode();
    if (status < 400 || status >= 500 || context.response().headWritten()) {
      context.next();
      return;
    }
    String reason = io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase();
    send(context, status == 413 ? Problem.of(413, "Content Too Large", "The request body or one of its fields is too large.")
        : Problem.of(status, reason, "The request could not be read."));
  }

  private static void send(RoutingContext context, Problem problem) {
    try {
      context.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
          .end(JSON.writeValueAsString(problem.at(context.request().path())));
    } catch (JsonProcessingException e) {
      context.fail(e);
    }
  }
}
