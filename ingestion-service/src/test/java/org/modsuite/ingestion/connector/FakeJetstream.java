package org.modsuite.ingestion.connector;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;

/**
 * A local Jetstream v1 {@code /subscribe} (Vert.x WebSocket server): on each connection it replays the recorded frames
 * whose {@code time_us} is at or after the client's {@code cursor} (inclusive, as Jetstream; no cursor: all of them),
 * then pushes frames added later to every open connection. {@link #disconnectAll()} drops the connections.
 */
public final class FakeJetstream implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CURSOR = Pattern.compile("(?:^|&)cursor=([0-9]+)");

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final List<String> frames = Collections.synchronizedList(new ArrayList<>());
  private final List<String> queries = new CopyOnWriteArrayList<>();
  private final List<ServerWebSocket> open = new CopyOnWriteArrayList<>();

  public FakeJetstream() {
    try (InputStream in = FakeJetstream.class.getResourceAsStream("/jetstream/frames.jsonl")) {
      new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).forEach(frames::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Upgrades are taken in the request handler: Vert.x 4 needs one, and a plain GET gets Jetstream's 400.
    server = vertx.createHttpServer().requestHandler(req -> {
      if ("websocket".equalsIgnoreCase(req.getHeader("Upgrade"))) {
        req.toWebSocket().onSuccess(this::connected);
      } else {
        req.response().setStatusCode(400).end();
      }
    });
    try {
      server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public String endpoint() {
    return "ws://127.0.0.1:" + server.actualPort() + "/subscribe";
  }

  private void connected(ServerWebSocket ws) {
    if (!ws.path().equals("/subscribe")) {
      ws.reject(404);
      return;
    }
    String query = ws.query() == null ? "" : ws.query();
    queries.add(query);
    Matcher m = CURSOR.matcher(query);
    long cursor = m.find() ? Long.parseLong(m.group(1)) : 0;
    open.add(ws);
    ws.closeHandler(v -> open.remove(ws));
    List.copyOf(frames).stream().filter(f -> timeUs(f) >= cursor).forEach(ws::writeTextMessage);
  }

  /** Adds a frame and sends it to every open connection. */
  public void add(String frame) {
    frames.add(frame);
    open.forEach(ws -> ws.writeTextMessage(frame));
  }

  /** A new post create, derived from the recorded reply. */
  public static String post(long timeUs, String rkey, String text) {
    return ("{\"did\":\"did:plc:w3lc0mecafeexample0000a\",\"time_us\":%d,\"kind\":\"commit\",\"commit\":{\"rev\":\"rev%s\",\"operation\":\"create\","
        + "\"collection\":\"app.bsky.feed.post\",\"rkey\":\"%s\",\"cid\":\"bafyreicid%s\",\"record\":{\"$type\":\"app.bsky.feed.post\","
        + "\"text\":\"%s\",\"langs\":[\"de\"],\"createdAt\":\"2025-03-14T10:10:00.000Z\"}}}").formatted(timeUs, rkey, rkey, rkey, text);
  }

  /** Closes every connection, as a Jetstream host restarting or dropping a slow reader does. */
  public void disconnectAll() {
    open.forEach(ws -> ws.close());
  }

  public List<String> queries() {
    return List.copyOf(queries);
  }

  private static long timeUs(String frame) {
    try {
      return JSON.readTree(frame).path("time_us").asLong();
    } catch (IOException e) {
      return 0;
    }
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
  }
}
