package org.modsuite.ingestion.connector;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A feed host: serves one document at /feed with an ETag, and 304 to a matching If-None-Match. */
public final class FakeFeed implements AutoCloseable {

  private final HttpServer server;
  private final String contentType;
  private volatile String body;
  private final AtomicInteger notModified = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();

  public FakeFeed(String resource, String contentType) {
    this.body = resource(resource);
    this.contentType = contentType;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/feed", this::serve);
    server.start();
  }

  public static String resource(String name) {
    try (InputStream in = FakeFeed.class.getResourceAsStream("/feeds/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/feed";
  }

  public void body(String body) {
    this.body = body;
  }

  public String body() {
    return body;
  }

  public int notModified() {
    return notModified.get();
  }

  public int requests() {
    return requests.get();
  }

  private void serve(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    String current = body;
    String etag = "\"" + Integer.toHexString(current.hashCode()) + "\"";
    exchange.getResponseHeaders().add("ETag", etag);
    if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
      notModified.incrementAndGet();
      exchange.sendResponseHeaders(304, -1);
      exchange.close();
      return;
    }
    byte[] bytes = current.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", contentType);
    exchange.sendResponseHeaders(200, bytes.length);
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
