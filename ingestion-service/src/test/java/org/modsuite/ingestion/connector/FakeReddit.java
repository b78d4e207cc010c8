package org.modsuite.ingestion.connector;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local Reddit: {@code POST /api/v1/access_token} issues application-only tokens for one client id and secret
 * (HTTP Basic, {@code grant_type=client_credentials}); {@code /r/exampletown/new} and {@code /r/exampletown/comments}
 * answer the recorded §3.6 listings with {@code x-ratelimit-*} headers, 401 for a token that is not the current one,
 * 403 without a {@code User-Agent} of Reddit's form.
 */
public final class FakeReddit implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final String basic;
  private final String clientId;
  private final ObjectNode post;
  private final ObjectNode comment;
  private final AtomicInteger issued = new AtomicInteger();
  private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  private volatile String token = "none";

  public FakeReddit(String clientId, String clientSecret) {
    this.clientId = clientId;
    this.basic = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    try (InputStream listing = FakeReddit.class.getResourceAsStream("/reddit/new.json");
        InputStream item = FakeReddit.class.getResourceAsStream("/reddit/comment.json")) {
      post = (ObjectNode) JSON.readTree(listing).path("data").path("children").get(0);
      comment = (ObjectNode) JSON.readTree(item);
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::serve);
    server.start();
  }

  public String clientId() {
    return clientId;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The recorded t3's data, to edit or delete. */
  public synchronized ObjectNode postData() {
    return (ObjectNode) post.path("data");
  }

  /** The current token stops working: the next listing request gets a 401. */
  public void revokeTokens() {
    token = "revoked";
  }

  public int tokensIssued() {
    return issued.get();
  }

  public List<String> calls() {
    return new ArrayList<>(calls);
  }

  private void serve(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String agent = exchange.getRequestHeaders().getFirst("User-Agent");
    calls.add(exchange.getRequestMethod() + " " + path + " " + agent);
    if (agent == null || !agent.matches("^[^:\\s]+:[^:\\s]+:[^:\\s]+ \\(by /u/[A-Za-z0-9_-]+\\)$")) {
      send(exchange, 403, "{\"message\":\"Forbidden\",\"error\":403}", false);
      return;
    }
    if (path.equals("/api/v1/access_token")) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization")) || !body.equals("grant_type=client_credentials")) {
        send(exchange, 401, "{\"message\":\"Unauthorized\",\"error\":401}", false);
        return;
      }
      token = "tok-" + issued.incrementAndGet();
      send(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":86400,\"scope\":\"*\"}", false);
      return;
    }
    if (!("bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      send(exchange, 401, "{\"message\":\"Unauthorized\",\"error\":401}", false);
      return;
    }
    JsonNode child = path.equals("/r/exampletown/new") ? post : path.equals("/r/exampletown/comments") ? comment : null;
    if (child == null) {
      send(exchange, 404, "{\"message\":\"Not Found\",\"error\":404}", false);
      return;
    }
    ObjectNode listing = JSON.createObjectNode().put("kind", "Listing");
    ObjectNode data = listing.putObject("data");
    data.put("after", child.path("data").path("name").asText()).put("dist", 1).put("modhash", "").put("geo_filter", "");
    synchronized (this) {
      data.putArray("children").add(child.deepCopy());
    }
    data.putNull("before");
    send(exchange, 200, JSON.writeValueAsString(listing), true);
  }

  private static void send(HttpExchange exchange, int status, String body, boolean limits) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    if (limits) {
      exchange.getResponseHeaders().add("x-ratelimit-used", "12");
      exchange.getResponseHeaders().add("x-ratelimit-remaining", "88.0");
      exchange.getResponseHeaders().add("x-ratelimit-reset", "412");
    }
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
