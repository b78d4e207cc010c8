package org.modsuite.report.dsa;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Blocking client of the Commission's DSA Transparency Database API (DSA-SPEC §2): sends batches of 1–100
 * statements to {@code <baseUrl>/api/v1/statements} and asks whether a PUID is already stored. Run it on a worker
 * thread. Never throws for an HTTP or network outcome; every outcome is a {@link SubmissionResult}. The token and
 * statement texts are never logged above DEBUG (the token never).
 */
public final class TransparencyDbClient {

  private static final Logger LOG = Logger.getLogger(TransparencyDbClient.class);
  private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  private final String baseUrl;
  private final String token;
  private final Duration timeout;
  private final HttpClient http;
  private final Clock clock;

  /**
   * @param baseUrl the host, e.g. the sandbox given at onboarding, without {@code /api/v1}
   * @param token   the Sanctum personal access token ({@code <id>|<secret>})
   * @param timeout connect timeout and the whole-request timeout of each call
   */
  public TransparencyDbClient(URI baseUrl, String token, Duration timeout) {
    this(baseUrl, token, timeout, Clock.systemUTC());
  }

  TransparencyDbClient(URI baseUrl, String token, Duration timeout, Clock clock) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("token must be set");
    }
    this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
    this.token = token;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.clock = clock;
    // The existing-PUID check answers 302 with a JSON body; following it would lose the answer.
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Sends the statements as one all-or-nothing batch. */
  public SubmissionResult submit(List<StatementOfReasons> statements) {
    checkSize(statements);
    return submitJson(statements.stream().map(SorJson::toJson).toList());
  }

  /** Sends statements already in JSON form (e.g. read back from an outbox), as one all-or-nothing batch. */
  public SubmissionResult submitJson(List<? extends JsonNode> statements) {
    checkSize(statements);
    ObjectNode body = SorJson.mapper().createObjectNode();
    ArrayNode items = body.putArray("statements");
    statements.forEach(items::add);
    byte[] bytes;
    try {
      bytes = SorJson.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("statements cannot be written as JSON", e);
    }
    HttpRequest request = request("/api/v1/statements")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      LOG.warnf("Transparency Database: no answer within %s for %d statements", timeout, statements.size());
      return new SubmissionResult.TransientFailure("timeout after " + timeout);
    } catch (IOException e) {
      LOG.warnf("Transparency Database unreachable: %s", e.getClass().getSimpleName());
      return new SubmissionResult.TransientFailure(connectionReason(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new SubmissionResult.TransientFailure("interrupted");
    }
    SubmissionResult result = interpret(response, statements);
    LOG.debugf("Transparency Database: %d statements -> HTTP %d, %s", statements.size(), response.statusCode(),
        result.getClass().getSimpleName());
    return result;
  }

  /**
   * Whether the database already holds a statement with this PUID (302 = yes, 404 = no). Empty when that cannot be
   * told: other statuses, a 404 that is not the API's own answer (a wrong base URL), timeouts, connection errors.
   */
  public Optional<Boolean> puidExists(String puid) {
    Objects.requireNonNull(puid, "puid");
    HttpRequest request = request("/api/v1/statement/existing-puid/" + URLEncoder.encode(puid, StandardCharsets.UTF_8)
        .replace("+", "%20")).GET().build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      int status = response.statusCode();
      if (status == 302) {
        return Optional.of(true);
      }
      if (status == 404 && puidEnvelope(response.body())) {
        return Optional.of(false);
      }
      LOG.warnf("Transparency Database: existing-puid check answered HTTP %d", status);
      return Optional.empty();
    } catch (IOException e) {
      LOG.warnf("Transparency Database: existing-puid check failed: %s", e.getClass().getSimpleName());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "TransparencyDbClient[" + baseUrl + ", timeout " + timeout + "]";
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(timeout)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  private SubmissionResult interpret(HttpResponse<String> response, List<? extends JsonNode> sent) {
    int status = response.statusCode();
    if (status == 201) {
      return accepted(response.body(), sent);
    }
    if (status == 422) {
      return rejected(response.body());
    }
    if (status == 429) {
      return new SubmissionResult.RateLimited(retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
    }
    if (status == 401 || status == 403) {
      LOG.warnf("Transparency Database refused the token: HTTP %d", status);
      return new SubmissionResult.Unauthorized(status);
    }
    if (status >= 500) {
      return new SubmissionResult.TransientFailure("HTTP " + status);
    }
    LOG.warnf("Transparency Database answered an unexpected HTTP %d", status);
    return new SubmissionResult.TransientFailure("unexpected HTTP " + status);
  }

  private SubmissionResult accepted(String body, List<? extends JsonNode> sent) {
    JsonNode items = readTree(body).path("statements");
    if (!items.isArray() || items.size() != sent.size()) {
      LOG.warn("Transparency Database answered 201 with a body that does not list the statements");
      return new SubmissionResult.TransientFailure("201 with an unreadable body; the statements may be stored");
    }
    List<SubmissionResult.Receipt> receipts = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode uuid = items.get(i).path("uuid");
      if (!uuid.isTextual()) {
        return new SubmissionResult.TransientFailure("201 without a uuid for statement " + i
            + "; the statements may be stored");
      }
      String puid = items.get(i).path("puid").isTextual() ? items.get(i).path("puid").textValue()
          : sent.get(i).path("puid").asText(null);
      receipts.add(new SubmissionResult.Receipt(puid, uuid.textValue()));
    }
    return new SubmissionResult.Accepted(receipts);
  }

  private SubmissionResult rejected(String body) {
    JsonNode root = readTree(body);
    JsonNode errors = root.path("errors");
    if (!errors.isObject()) {
      return new SubmissionResult.TransientFailure("422 with an unreadable body");
    }
    Map<Integer, Map<String, List<String>>> items = new LinkedHashMap<>();
    Map<String, List<String>> request = new LinkedHashMap<>();
    List<String> existing = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = errors.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      if (key.matches("statement_\\d{1,9}") && e.getValue().isObject()) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        e.getValue().fields().forEachRemaining(f -> fields.put(f.getKey(), strings(f.getValue())));
        items.put(Integer.parseInt(key.substring("statement_".length())), Map.copyOf(fields));
      } else if (key.equals("existing_puids")) {
        existing.addAll(strings(e.getValue()));
      } else {
        request.put(key, strings(e.getValue()));
      }
    }
    String message = root.path("message").isTextual() ? root.path("message").textValue() : null;
    LOG.infof("Transparency Database rejected a batch: %d statements with errors, %d existing puids",
        items.size(), existing.size());
    return new SubmissionResult.Rejected(message, items, request, existing);
  }

  /** {@code Retry-After} as delay-seconds or HTTP-date (RFC 9110 §10.2.3); 1 s when absent or unreadable. */
  Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return DEFAULT_RETRY_AFTER;
    }
    String value = header.strip();
    try {
      long seconds = Long.parseLong(value);
      return seconds >= 0 ? Duration.ofSeconds(seconds) : DEFAULT_RETRY_AFTER;
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(clock.instant(), at.toInstant());
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notDate) {
        return DEFAULT_RETRY_AFTER;
      }
    }
  }

  private static boolean puidEnvelope(String body) {
    return readTree(body).path("puid").isTextual();
  }

  private static JsonNode readTree(String body) {
    try {
      JsonNode node = body == null ? null : SorJson.mapper().readTree(body);
      return node == null ? SorJson.mapper().missingNode() : node;
    } catch (JsonProcessingException e) {
      return SorJson.mapper().missingNode();
    }
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    } else if (!node.isMissingNode() && !node.isNull()) {
      out.add(node.asText());
    }
    return List.copyOf(out);
  }

  private static String connectionReason(IOException e) {
    return e instanceof ConnectException ? "connection refused or failed" : "connection error ("
        + e.getClass().getSimpleName() + ")";
  }

  private static void checkSize(List<?> statements) {
    if (statements == null || statements.isEmpty() || statements.size() > StatementValidator.MAX_BATCH) {
      throw new IllegalArgumentException("a batch holds 1 to " + StatementValidator.MAX_BATCH + " statements");
    }
  }
}
