package org.modsuite.ingestion.connector;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local Bot API: {@code /bot<token>/getUpdates} answers the recorded §5.5 updates whose {@code update_id} is at least
 * {@code offset} (lower ones are confirmed and forgotten, as Telegram does), 401 for another token, and scripted
 * answers (429 with {@code parameters.retry_after}) first.
 */
public final class FakeTelegram implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final String token;
  private final List<JsonNode> updates = Collections.synchronizedList(new ArrayList<>());
  private final Deque<String[]> script = new ArrayDeque<>();
  private final List<String> queries = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> times = Collections.synchronizedList(new ArrayList<>());

  public FakeTelegram(String token) {
    this.token = token;
    try (InputStream in = FakeTelegram.class.getResourceAsStream("/telegram/get-updates.json")) {
      JSON.readTree(in).path("result").forEach(updates::add);
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

  /** Adds an update with a new chat id, message id and text, derived from the recorded channel post. */
  public void addChannelPost(long updateId, long chatId, long messageId, String text) {
    ObjectNode update = (ObjectNode) updates.get(0).deepCopy();
    update.put("update_id", updateId);
    ObjectNode post = (ObjectNode) update.path("channel_post");
    post.put("message_id", messageId);
    post.put("text", text);
    ((ObjectNode) post.path("chat")).put("id", chatId);
    ((ObjectNode) post.path("sender_chat")).put("id", chatId);
    updates.add(update);
  }

  public synchronized void script(int status, String body) {
    script.add(new String[] {String.valueOf(status), body});
  }

  public List<String> queries() {
    return new ArrayList<>(queries);
  }

  public List<Long> times() {
    return new ArrayList<>(times);
  }

  private void serve(HttpExchange exchange) throws IOException {
    times.add(System.currentTimeMillis());
    String path = exchange.getRequestURI().getPath();
    String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
    queries.add(query);
    String[] scripted;
    synchronized (this) {
      scripted = script.poll();
    }
    if (scripted != null) {
      send(exchange, Integer.parseInt(scripted[0]), scripted[1]);
      return;
    }
    if (path.equals("/bot" + token + "/deleteMessage")) {
      send(exchange, 200, "{\"ok\":true,\"result\":true}");
      return;
    }
    if (!path.equals("/bot" + token + "/getUpdates")) {
      send(exchange, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
      return;
    }
    long offset = 0;
    for (String pair : query.split("&")) {
      if (pair.startsWith("offset=")) {
        offset = Long.parseLong(pair.substring("offset=".length()));
      }
    }
    ArrayNode result = JSON.createArrayNode();
    synchronized (updates) {
      for (JsonNode update : updates) {
        if (update.path("update_id").asLong() >= offset) {
          result.add(update);
        }
      }
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("ok", true);
    body.set("result", result);
    send(exchange, 200, JSON.writeValueAsString(body));
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
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
