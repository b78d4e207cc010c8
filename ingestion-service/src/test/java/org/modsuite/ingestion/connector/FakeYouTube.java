package org.modsuite.ingestion.connector;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local YouTube Data API v3: {@code /youtube/v3/commentThreads} answers the recorded §4.5 thread and threads added
 * later, newest first, in pages of {@code maxResults} with {@code nextPageToken}; 400 {@code keyInvalid} for another
 * {@code X-goog-api-key}; the recorded 403 {@code quotaExceeded} once {@link #exhaustQuota()} was called.
 */
public final class FakeYouTube implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final String key;
  private final List<JsonNode> threads = Collections.synchronizedList(new ArrayList<>());
  private final List<String> queries = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger requests = new AtomicInteger();
  private final String quotaExceeded;
  private volatile boolean exhausted;

  public FakeYouTube(String key) {
    this.key = key;
    try (InputStream page = FakeYouTube.class.getResourceAsStream("/youtube/comment-threads.json");
        InputStream quota = FakeYouTube.class.getResourceAsStream("/youtube/quota-exceeded.json")) {
      JSON.readTree(page).path("items").forEach(threads::add);
      quotaExceeded = new String(quota.readAllBytes(), StandardCharsets.UTF_8);
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::serve);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Adds a top-level comment without replies, derived from the recorded thread. */
  public void addThread(String id, String publishedAt, String text) {
    ObjectNode thread = (ObjectNode) threads.get(0).deepCopy();
    thread.put("id", id);
    thread.remove("replies");
    ((ObjectNode) thread.path("snippet")).put("totalReplyCount", 0);
    ObjectNode comment = (ObjectNode) thread.path("snippet").path("topLevelComment");
    comment.put("id", id);
    ObjectNode snippet = (ObjectNode) comment.path("snippet");
    snippet.put("textOriginal", text).put("textDisplay", text).put("publishedAt", publishedAt).put("updatedAt", publishedAt);
    threads.add(thread);
  }

  public void exhaustQuota() {
    exhausted = true;
  }

  public int requests() {
    return requests.get();
  }

  public List<String> queries() {
    return new ArrayList<>(queries);
  }

  private void serve(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
    queries.add(query);
    if (!exchange.getRequestURI().getPath().equals("/youtube/v3/commentThreads")) {
      send(exchange, 404, "{\"error\":{\"code\":404,\"message\":\"Not Found\",\"errors\":[{\"reason\":\"notFound\"}]}}");
      return;
    }
    if (!key.equals(exchange.getRequestHeaders().getFirst("X-goog-api-key"))) {
      send(exchange, 400, "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid API key.\","
          + "\"errors\":[{\"message\":\"API key not valid. Please pass a valid API key.\",\"domain\":\"global\",\"reason\":\"badRequest\"}]}}");
      return;
    }
    if (exhausted) {
      send(exchange, 403, quotaExceeded);
      return;
    }
    Map<String, String> params = new HashMap<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    int max = Integer.parseInt(params.getOrDefault("maxResults", "20"));
    int from = params.containsKey("pageToken") ? Integer.parseInt(params.get("pageToken").substring(1)) : 0;
    List<JsonNode> sorted;
    synchronized (threads) {
      sorted = new ArrayList<>(threads);
    }
    sorted.sort(Comparator.comparing((JsonNode t) -> t.path("snippet").path("topLevelComment").path("snippet").path("publishedAt").asText())
        .reversed());
    ObjectNode body = JSON.createObjectNode();
    body.put("kind", "youtube#commentThreadListResponse");
    body.put("etag", "k1mExampleEtag" + from);
    if (from + max < sorted.size()) {
      body.put("nextPageToken", "p" + (from + max));
    }
    body.putObject("pageInfo").put("totalResults", sorted.size()).put("resultsPerPage", max);
    ArrayNode items = body.putArray("items");
    sorted.subList(Math.min(from, sorted.size()), Math.min(from + max, sorted.size())).forEach(items::add);
    send(exchange, 200, JSON.writeValueAsString(body));
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
