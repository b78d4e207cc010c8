package org.modsuite.report.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A stand-in for ingestion-service's {@code GET /api/v1/sources} on the address the test profile gives report-service
 * ({@code %test.modsuite.dashboard.ingestion-url}). It answers the given sources (or a status) and keeps the
 * Authorization header of the last call.
 */
final class FakeIngestion implements AutoCloseable {

  final AtomicReference<String> lastAuthorization = new AtomicReference<>();
  private final HttpServer server;

  private FakeIngestion(HttpServer server) {
    this.server = server;
  }

  /** Starts answering {@code sources} as JSON with 200, or with {@code status} and a problem when it is not 200. */
  static FakeIngestion start(int status, List<Map<String, Object>> sources) throws IOException {
    URI url = URI.create(ConfigProvider.getConfig().getValue("modsuite.dashboard.ingestion-url", String.class));
    HttpServer server = HttpServer.create(new InetSocketAddress(url.getHost(), url.getPort()), 0);
    FakeIngestion fake = new FakeIngestion(server);
    byte[] body = status == 200 ? new ObjectMapper().writeValueAsBytes(sources)
        : "{\"title\":\"Internal Server Error\",\"status\":500}".getBytes(StandardCharsets.UTF_8);
    server.createContext("/api/v1/sources", exchange -> {
      fake.lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
      exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    return fake;
  }

  /** Two sources as ingestion-service describes them: one polling fine, one backing off after errors. */
  static List<Map<String, Object>> sampleSources() {
    return List.of(
        Map.of("id", "mastodon-social", "type", "mastodon", "settings", Map.of("instance", "https://social.example"), "hasSecret", false,
            "intervalSeconds", 30, "paused", false, "state", "ok", "lastSuccessAt", "2026-11-22T10:00:00Z", "lagSeconds", 720, "postsLastHour", 154),
        Map.of("id", "news-feed", "type", "rss", "settings", Map.of("url", "https://news.example/feed.xml"),
            "intervalSeconds", 300, "state", "backing_off", "lastSuccessAt", "2026-11-22T07:30:00Z",
            "lastErrorAt", "2026-11-22T10:05:00Z", "lastError", "transient: HTTP 503", "lagSeconds", 9300, "postsLastHour", 0));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
