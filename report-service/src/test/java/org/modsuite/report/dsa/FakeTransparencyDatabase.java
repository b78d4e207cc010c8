package org.modsuite.report.dsa;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.modsuite.report.dsa.FakeStatementRules.Endpoint;

/**
 * A local stand-in for the Commission's DSA Transparency Database API (DSA-SPEC §2.3–§2.9), for tests: the four
 * statement endpoints with their status codes and envelopes, Bearer tokens (401; {@link #forbiddenToken()} gets 403),
 * all-or-nothing batches, PUIDs unique for ever per platform, and fault injection. Validation is its own
 * ({@link FakeStatementRules}, driven by {@code dsa-sor-schema.json}), not {@link StatementValidator}'s.
 *
 * <pre>{@code
 * try (FakeTransparencyDatabase tdb = new FakeTransparencyDatabase().start()) {
 *   var client = new TransparencyDbClient(tdb.baseUrl(), tdb.token(), Duration.ofSeconds(5));
 *   ...
 *   assertThat(tdb.stored()).hasSize(1);
 * }
 * }</pre>
 */
public final class FakeTransparencyDatabase implements AutoCloseable {

  /** One request as received (header names lower case). */
  public record RecordedRequest(String method, String path, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  public static final String PLATFORM_NAME = "ModSuite Test Platform";
  public static final String RATE_LIMIT_BODY = "Limit Reached. Please do not overload the API";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final String token = "1|fake" + UUID.randomUUID().toString().replace("-", "");
  private final String forbiddenToken = "2|fake" + UUID.randomUUID().toString().replace("-", "");
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final Object lock = new Object();
  // Guarded by lock.
  private final Map<String, ObjectNode> byUuid = new LinkedHashMap<>();
  private final Map<String, String> uuidByPuid = new HashMap<>();
  private long nextId = 100_000_000_000L;
  private int next429;
  private String retryAfter;
  private int next500;
  private int nextSlow;
  private Duration slowBy = Duration.ZERO;

  private HttpServer server;
  private ExecutorService executor;
  private URI baseUrl;

  /** Starts on 127.0.0.1 on a free port; returns this. */
  public FakeTransparencyDatabase start() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fake Transparency Database", e);
    }
    executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-tdb");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    return this;
  }

  public URI baseUrl() {
    return baseUrl;
  }

  /** The token of the one platform, allowed to create and view statements. */
  public String token() {
    return token;
  }

  /** A valid token of a user without the {@code create statements} permission (403). */
  public String forbiddenToken() {
    return forbiddenToken;
  }

  /** Every stored statement as the database holds it (with {@code id}, {@code puid}, {@code uuid}), oldest first. */
  public List<ObjectNode> stored() {
    synchronized (lock) {
      return byUuid.values().stream().map(ObjectNode::deepCopy).toList();
    }
  }

  /** Every request received, oldest first. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The next {@code n} requests answer 429 with the given {@code Retry-After} (null: no header). */
  public void failNextWith429(int n, String retryAfterHeader) {
    synchronized (lock) {
      next429 = n;
      retryAfter = retryAfterHeader;
    }
  }

  /** The next {@code n} requests answer 500. */
  public void failNextWith500(int n) {
    synchronized (lock) {
      next500 = n;
    }
  }

  /** The next {@code n} requests are processed normally (statements are stored) but answered {@code by} later. */
  public void slowDownNext(int n, Duration by) {
    synchronized (lock) {
      nextSlow = n;
      slowBy = by;
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] raw;
      try (InputStream in = ex.getRequestBody()) {
        raw = in.readAllBytes();
      }
      String body = new String(raw, StandardCharsets.UTF_8);
      String path = ex.getRequestURI().getRawPath();
      Map<String, List<String>> headers = new HashMap<>();
      ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
      RecordedRequest request = new RecordedRequest(ex.getRequestMethod(), path, Map.copyOf(headers), body);
      requests.add(request);
      Response response;
      Duration delay;
      synchronized (lock) {
        response = answer(request);
        delay = nextSlow > 0 ? slowBy : Duration.ZERO;
        if (nextSlow > 0) {
          nextSlow--;
        }
      }
      if (!delay.isZero()) {
        try {
          Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      send(ex, response);
    } catch (IOException clientGone) {
      // The client timed out or hung up; nothing to answer.
    }
  }

  private record Response(int status, String contentType, String body, Map<String, String> headers) {
    static Response json(int status, JsonNode body) {
      return new Response(status, "application/json", body.toString(), Map.of());
    }
  }

  // Runs under lock: faults, authentication, routing.
  private Response answer(RecordedRequest r) {
    if (next429 > 0) {
      next429--;
      return new Response(429, "text/plain", RATE_LIMIT_BODY,
          retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter));
    }
    if (next500 > 0) {
      next500--;
      return Response.json(500, message("Server Error"));
    }
    boolean expectsJson = String.valueOf(r.header("accept")).contains("application/json");
    String auth = r.header("authorization");
    String given = auth != null && auth.startsWith("Bearer ") ? auth.substring("Bearer ".length()) : null;
    if (!token.equals(given) && !forbiddenToken.equals(given)) {
      // Laravel redirects to a login page unless the client asked for JSON.
      return expectsJson ? Response.json(401, message("Unauthenticated.")) : redirect();
    }
    boolean mayCreate = token.equals(given);
    String path = r.path();
    if (r.method().equals("POST") && path.equals("/api/v1/statements")) {
      return mayCreate ? withAcceptRule(createMany(jsonBody(r)), expectsJson) : forbidden();
    }
    if (r.method().equals("POST") && path.equals("/api/v1/statement")) {
      return mayCreate ? withAcceptRule(createOne(jsonBody(r)), expectsJson) : forbidden();
    }
    if (r.method().equals("GET") && path.startsWith("/api/v1/statement/existing-puid/")) {
      String puid = java.net.URLDecoder.decode(path.substring("/api/v1/statement/existing-puid/".length()),
          StandardCharsets.UTF_8);
      boolean found = uuidByPuid.containsKey(puid);
      ObjectNode body = message(found ? "statement of reason found" : "statement of reason not found");
      body.put("puid", puid);
      return Response.json(found ? 302 : 404, body);
    }
    if (r.method().equals("GET") && path.startsWith("/api/v1/statement/")) {
      ObjectNode s = byUuid.get(path.substring("/api/v1/statement/".length()));
      if (s == null) {
        return Response.json(404, message("No query results for model [App\\Models\\Statement]."));
      }
      ObjectNode view = s.deepCopy();
      view.remove(List.of("id", "puid"));
      return Response.json(200, view);
    }
    return Response.json(404, message("The route " + path.substring(1) + " could not be found."));
  }

  private Response createMany(JsonNode request) {
    JsonNode items = request.path("statements");
    if (!items.isArray() || items.isEmpty() || items.size() > 100) {
      ObjectNode body = message(items.isMissingNode() || items.isNull() ? "The statements field is required."
          : items.isArray() ? "The statements field must have between 1 and 100 items."
              : "The statements field must be an array.");
      body.putObject("errors").putArray("statements").add(body.get("message").asText());
      return Response.json(422, body);
    }
    ObjectNode errors = JSON.createObjectNode();
    List<ObjectNode> accepted = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      if (!item.isObject()) {
        errors.putObject("statement_" + i).putArray("statement").add("The statement must be an object.");
        continue;
      }
      ObjectNode s = FakeStatementRules.withoutExcluded(item, Endpoint.BATCH);
      Map<String, List<String>> fieldErrors = FakeStatementRules.errors(s, Endpoint.BATCH);
      if (fieldErrors.isEmpty()) {
        accepted.add(s);
      } else {
        errors.set("statement_" + i, JSON.valueToTree(fieldErrors));
      }
    }
    if (!errors.isEmpty()) {
      ObjectNode body = JSON.createObjectNode();
      body.set("errors", errors);
      return Response.json(422, body);
    }
    Set<String> seen = new LinkedHashSet<>();
    Set<String> clashing = new LinkedHashSet<>();
    for (ObjectNode s : accepted) {
      String puid = FakeStatementRules.text(s, "puid");
      if (!seen.add(puid) || uuidByPuid.containsKey(puid)) {
        clashing.add(puid);
      }
    }
    if (!clashing.isEmpty()) {
      String text = "The platform identifier(s) are not all unique within this call.";
      ObjectNode body = message(text);
      ObjectNode errs = body.putObject("errors");
      errs.putArray("puid").add(text);
      ArrayNode existing = errs.putArray("existing_puids");
      clashing.forEach(existing::add);
      return Response.json(422, body);
    }
    ObjectNode body = JSON.createObjectNode();
    ArrayNode out = body.putArray("statements");
    for (ObjectNode s : accepted) {
      ObjectNode stored = store(FakeStatementRules.stored(s, Endpoint.BATCH), FakeStatementRules.text(s, "puid"));
      ObjectNode echo = stored.deepCopy();
      echo.remove("id");
      out.add(echo);
    }
    return Response.json(201, body);
  }

  private Response createOne(JsonNode request) {
    if (!request.isObject()) {
      request = JSON.createObjectNode();
    }
    ObjectNode s = FakeStatementRules.withoutExcluded(request, Endpoint.SINGLE);
    Map<String, List<String>> errors = FakeStatementRules.errors(s, Endpoint.SINGLE);
    if (!errors.isEmpty()) {
      List<String> all = errors.values().stream().flatMap(List::stream).toList();
      int more = all.size() - 1;
      ObjectNode body = message(all.get(0) + (more == 0 ? "" : " (and " + more + " more error" + (more == 1 ? "" : "s")
          + ")"));
      body.set("errors", JSON.valueToTree(errors));
      return Response.json(422, body);
    }
    String puid = FakeStatementRules.text(s, "puid");
    if (uuidByPuid.containsKey(puid)) {
      String text = "The identifier given is not unique within this platform.";
      ObjectNode body = message(text);
      body.putObject("errors").putArray("puid").add(text);
      body.putObject("existing").put("puid", puid);
      return Response.json(422, body);
    }
    return Response.json(201, store(FakeStatementRules.stored(s, Endpoint.SINGLE), puid));
  }

  private ObjectNode store(ObjectNode statement, String puid) {
    String uuid = UUID.randomUUID().toString();
    statement.put("uuid", uuid);
    statement.put("id", nextId++);
    statement.put("puid", puid);
    statement.put("created_at", LocalDateTime.now(ZoneOffset.UTC).format(CREATED_AT));
    statement.put("platform_name", PLATFORM_NAME);
    statement.put("permalink", baseUrl + "/statement/" + uuid);
    statement.put("self", baseUrl + "/api/v1/statement/" + uuid);
    byUuid.put(uuid, statement);
    uuidByPuid.put(puid, uuid);
    return statement.deepCopy();
  }

  // Laravel's ConvertEmptyStringsToNull/TrimStrings run on the parsed JSON; a non-JSON body reads as empty input.
  private static JsonNode jsonBody(RecordedRequest r) {
    if (!String.valueOf(r.header("content-type")).contains("application/json")) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode node = JSON.readTree(r.body());
      return node == null ? JSON.createObjectNode() : FakeStatementRules.preprocess(node);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  // Without "Accept: application/json", Laravel answers a failed validation with a redirect (DSA-SPEC §2.3).
  private Response withAcceptRule(Response response, boolean expectsJson) {
    return response.status() == 422 && !expectsJson ? redirect() : response;
  }

  private Response redirect() {
    return new Response(302, "text/html", "", Map.of("Location", baseUrl.toString()));
  }

  private static Response forbidden() {
    return Response.json(403, message("This action is unauthorized."));
  }

  private static ObjectNode message(String text) {
    ObjectNode body = JSON.createObjectNode();
    body.put("message", text);
    return body;
  }

  private static void send(HttpExchange ex, Response r) throws IOException {
    byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", r.contentType());
    r.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
