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
 * A stand-in for moderation-service's rule and policy reads ({@code GET /api/v1/rules…}, {@code /api/v1/policy…}) on
 * the address the test profile gives report-service ({@code %test.modsuite.dashboard.moderation-url}). It answers the
 * JSON given per path (or a status for every path) and keeps the Authorization header of the last call.
 */
final class FakeModeration implements AutoCloseable {

  final AtomicReference<String> lastAuthorization = new AtomicReference<>();
  private final HttpServer server;

  private FakeModeration(HttpServer server) {
    this.server = server;
  }

  /** Answers each path of {@code answers} with its value as JSON (200), or every call with {@code status} when it is not 200. */
  static FakeModeration start(int status, Map<String, Object> answers) throws IOException {
    URI url = URI.create(ConfigProvider.getConfig().getValue("modsuite.dashboard.moderation-url", String.class));
    HttpServer server = HttpServer.create(new InetSocketAddress(url.getHost(), url.getPort()), 0);
    FakeModeration fake = new FakeModeration(server);
    ObjectMapper json = new ObjectMapper();
    server.createContext("/api/v1/", exchange -> {
      fake.lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
      Object answer = answers.get(exchange.getRequestURI().getPath());
      int code = status != 200 ? status : answer == null ? 404 : 200;
      byte[] body = code == 200 ? json.writeValueAsBytes(answer)
          : ("{\"title\":\"error\",\"status\":" + code + "}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", code == 200 ? "application/json" : "application/problem+json");
      exchange.sendResponseHeaders(code, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    return fake;
  }

  /** Two languages (German without shadow rules), an edited English rule set with one shadow rule, and an edited policy. */
  static Map<String, Object> sample() {
    return Map.of(
        "/api/v1/rules", Map.of("de", "rules-de-2026.11.1", "en", "rules-en-2026.11.22-3f9a01c2"),
        "/api/v1/rules/en/versions", List.of(
            Map.of("version", "rules-en-2026.11.1", "changedBy", "bundled", "changedAt", "2026-11-01T00:00:00Z", "current", false),
            Map.of("version", "rules-en-2026.11.22-3f9a01c2", "changedBy", "alice", "changedAt", "2026-11-22T18:03:11Z", "current", true)),
        "/api/v1/rules/en/shadow", List.of(Map.of("ruleId", "en.threat.group-will-be-deported",
            "description", "says a protected group will be deported by force", "since", "2026-11-22T18:03:12Z",
            "evaluated", 1200, "matched", 14, "wouldChange", 9, "replicas", 2)), // summed over 2 replicas; the page ignores the field
        "/api/v1/rules/de/versions", List.of(
            Map.of("version", "rules-de-2026.11.1", "changedBy", "bundled", "changedAt", "2026-11-01T00:00:00Z", "current", true)),
        "/api/v1/rules/de/shadow", List.of(),
        "/api/v1/policy", Map.of("version", "policy-2026.11.22-0badcafe", "description", "Thresholds per category",
            "default", Map.of("review", 0.5, "remove", 0.9)),
        "/api/v1/policy/versions", List.of(
            Map.of("version", "policy-2026.11.2", "changedBy", "bundled", "changedAt", "2026-11-02T00:00:00Z", "current", false),
            Map.of("version", "policy-2026.11.22-0badcafe", "changedBy", "bob", "changedAt", "2026-11-22T17:00:00Z", "current", true)));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
