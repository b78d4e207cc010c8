package org.modsuite.ingestion.connector;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local Mastodon instance that answers the public and hashtag timelines the way Mastodon does (INGESTION-SOURCES.md
 * §1.3, §1.10): statuses newest first, {@code min_id} returning the page immediately above the cursor, {@code Link}
 * headers only on non-empty pages, {@code X-RateLimit-*} headers with an ISO reset. Scripted answers (429, 503, a
 * truncated body) are served first, in order. Statuses are the recorded §1.8 page and copies of its first status.
 * Also {@code /api/v1/statuses/:id/context} (ancestors by {@code in_reply_to_id}, 404 for an unknown status) and, for
 * the admin token, {@code /api/v2/search} by status uri, {@code POST /api/v1/reports} and the admin account actions
 * ({@code action}, {@code unsilence}), each recorded in {@link #calls()}.
 */
public final class FakeMastodon implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A scripted answer. */
  public record Scripted(int status, Map<String, String> headers, String body) {
  }

  private final HttpServer server;
  private final String host;
  private final NavigableMap<String, ObjectNode> statuses = new TreeMap<>(MastodonConnector.ID_ORDER);
  private final Deque<Scripted> script = new ArrayDeque<>();
  private final List<Instant> requestTimes = Collections.synchronizedList(new ArrayList<>());
  private final List<String> queries = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger remaining = new AtomicInteger(300);
  private final ObjectNode template;
  private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  private final List<OutputStream> streams = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final AtomicInteger reports = new AtomicInteger(4820);
  private volatile String adminToken = "admin-token";

  public FakeMastodon(String host) {
    this.host = host;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/api/v1/timelines/", this::timeline);
    server.createContext("/api/v1/statuses/", this::context);
    server.createContext("/api/v1/streaming/", this::stream);
    server.createContext("/api/v2/search", this::admin);
    server.createContext("/api/v1/reports", this::admin);
    server.createContext("/api/v1/admin/", this::admin);
    server.start();
    this.template = (ObjectNode) recordedPage().get(0);
  }

  /** The §1.8 page as recorded: two statuses, newest first. */
  public static JsonNode recordedPage() {
    try (InputStream in = FakeMastodon.class.getResourceAsStream("/mastodon/hashtag-sprachcafe-page.json")) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String host() {
    return host;
  }

  /** Adds a status as recorded. */
  public synchronized FakeMastodon add(JsonNode status) {
    statuses.put(status.path("id").asText(), (ObjectNode) status.deepCopy());
    return this;
  }

  /** Adds a copy of the recorded status with a new id, uri, time and text (HTML). */
  public synchronized ObjectNode add(String id, String uri, Instant createdAt, String html) {
    ObjectNode status = template.deepCopy();
    status.put("id", id);
    status.put("uri", uri);
    status.put("url", uri.replace("/users/", "/@").replace("/statuses/", "/"));
    status.put("created_at", createdAt.truncatedTo(ChronoUnit.MILLIS).toString());
    status.putNull("edited_at");
    status.put("content", html);
    statuses.put(id, status);
    return status;
  }

  /** Replaces a status's content and sets edited_at, as Mastodon does on an edit (same id). */
  public synchronized void edit(String id, String html, Instant editedAt) {
    ObjectNode status = statuses.get(id);
    status.put("content", html);
    status.put("edited_at", editedAt.truncatedTo(ChronoUnit.MILLIS).toString());
  }

  public synchronized void script(Scripted answer) {
    script.add(answer);
  }

  public List<Instant> requestTimes() {
    return new ArrayList<>(requestTimes);
  }

  public List<String> queries() {
    return new ArrayList<>(queries);
  }

  public void adminToken(String token) {
    this.adminToken = token;
  }

  /** Context and admin requests: {@code METHOD path?query body}. */
  public List<String> calls() {
    return new ArrayList<>(calls);
  }

  /** An SSE stream (§1.9) for the admin token: a heartbeat, then the events sent with {@link #streamEvent}. */
  private void stream(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    calls.add("GET " + uri.getPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    if (!("Bearer " + adminToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      send(exchange, 401, "{\"error\":\"The access token is invalid\"}");
      return;
    }
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    out.write(":thump\n\n".getBytes(StandardCharsets.UTF_8));
    out.flush();
    streams.add(out);
  }

  /** Open streams. */
  public int streams() {
    return streams.size();
  }

  /** Sends {@code event: name} with a one-line {@code data:} to every open stream. */
  public void streamEvent(String name, String data) {
    byte[] frame = ("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    for (OutputStream out : streams) {
      try {
        out.write(frame);
        out.flush();
      } catch (IOException e) {
        streams.remove(out);
      }
    }
  }

  /** The ancestors of a status, root first, following in_reply_to_id through the known statuses. */
  private void context(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    calls.add("GET " + path);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^/api/v1/statuses/([^/]+)/context$").matcher(path);
    ObjectNode status;
    synchronized (this) {
      status = m.matches() ? statuses.get(m.group(1)) : null;
    }
    if (status == null) {
      send(exchange, 404, "{\"error\":\"Record not found\"}");
      return;
    }
    ArrayNode ancestors = JSON.createArrayNode();
    synchronized (this) {
      ObjectNode parent = statuses.get(status.path("in_reply_to_id").asText(""));
      while (parent != null) {
        ancestors.insert(0, parent);
        parent = statuses.get(parent.path("in_reply_to_id").asText(""));
      }
    }
    ObjectNode body = JSON.createObjectNode();
    body.set("ancestors", ancestors);
    body.putArray("descendants");
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    send(exchange, 200, JSON.writeValueAsString(body));
  }

  private void admin(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    calls.add(exchange.getRequestMethod() + " " + uri.getPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
        + (body.isEmpty() ? "" : " " + body));
    if (!("Bearer " + adminToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      send(exchange, 403, "{\"error\":\"This action is not allowed\"}");
      return;
    }
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    if (uri.getPath().equals("/api/v2/search")) {
      String q = query(uri.getRawQuery()).getOrDefault("q", "");
      ArrayNode found = JSON.createArrayNode();
      synchronized (this) {
        statuses.values().stream().filter(st -> st.path("uri").asText().equals(q)).findFirst().ifPresent(found::add);
      }
      ObjectNode answer = JSON.createObjectNode();
      answer.putArray("accounts");
      answer.set("statuses", found);
      answer.putArray("hashtags");
      send(exchange, 200, JSON.writeValueAsString(answer));
    } else if (uri.getPath().equals("/api/v1/reports")) {
      send(exchange, 200, "{\"id\":\"" + reports.incrementAndGet() + "\",\"action_taken\":false,\"category\":\"other\"}");
    } else if (uri.getPath().matches("^/api/v1/admin/accounts/[^/]+/(action|unsilence)$")) {
      send(exchange, 200, "{}");
    } else {
      send(exchange, 404, "{\"error\":\"Record not found\"}");
    }
  }

  private void timeline(HttpExchange exchange) throws IOException {
    requestTimes.add(Instant.now());
    URI uri = exchange.getRequestURI();
    queries.add(uri.getRawQuery() == null ? "" : uri.getRawQuery());
    Scripted scripted;
    synchronized (this) {
      scripted = script.poll();
    }
    if (scripted != null) {
      scripted.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      send(exchange, scripted.status(), scripted.body());
      return;
    }
    Map<String, String> q = query(uri.getRawQuery());
    int limit = Math.min(40, Integer.parseInt(q.getOrDefault("limit", "20")));
    List<ObjectNode> page;
    synchronized (this) {
      if (q.containsKey("min_id")) {
        // The statuses immediately above the cursor, answered newest first.
        page = new ArrayList<>(statuses.tailMap(q.get("min_id"), false).values()).subList(0,
            Math.min(limit, statuses.tailMap(q.get("min_id"), false).size()));
        page = new ArrayList<>(page);
        Collections.reverse(page);
      } else {
        page = new ArrayList<>(statuses.descendingMap().values()).subList(0, Math.min(limit, statuses.size()));
      }
    }
    ArrayNode body = JSON.createArrayNode();
    page.forEach(body::add);
    String base = baseUrl() + uri.getPath() + "?limit=" + limit;
    if (!page.isEmpty()) {
      exchange.getResponseHeaders().add("Link", "<" + base + "&max_id=" + page.get(page.size() - 1).path("id").asText() + ">; rel=\"next\", <"
          + base + "&min_id=" + page.get(0).path("id").asText() + ">; rel=\"prev\"");
    }
    exchange.getResponseHeaders().add("X-RateLimit-Limit", "300");
    exchange.getResponseHeaders().add("X-RateLimit-Remaining", String.valueOf(Math.max(0, remaining.decrementAndGet())));
    exchange.getResponseHeaders().add("X-RateLimit-Reset", Instant.now().plusSeconds(300).truncatedTo(ChronoUnit.SECONDS) + "");
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    send(exchange, 200, JSON.writeValueAsString(body));
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        String[] kv = pair.split("=", 2);
        q.put(kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    return q;
  }

  @Override
  public void close() {
    for (OutputStream out : streams) {
      try {
        out.close();
      } catch (IOException e) {
        // the client went away already
      }
    }
    server.stop(0);
  }
}
