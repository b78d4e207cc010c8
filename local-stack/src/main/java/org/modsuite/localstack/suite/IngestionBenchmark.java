package org.modsuite.localstack.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.modsuite.events.Topics;

/**
 * ./run --benchmark-ingestion N: measures ingestion-service alone. (1) N posts pushed to POST /api/v1/posts in batches
 * of 500; (2) 1,000 single-post pushes one after the other, for the push latency percentiles; (3) N posts as one JSONL
 * upload streamed to POST /api/v1/imports. Posts per second are counted where they land, on posts.ingested. Prints the
 * figures; docs/benchmarks.md records them with the machine.
 */
final class IngestionBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BATCH = 500;
  private static final int LATENCY_REQUESTS = 1000;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String ingestionUrl;
  private final String bootstrapServers;
  private final String token;

  IngestionBenchmark(String ingestionUrl, String bootstrapServers, String token) {
    this.ingestionUrl = ingestionUrl;
    this.bootstrapServers = bootstrapServers;
    this.token = token;
  }

  void run(int posts) throws IOException, InterruptedException {
    List<String> texts = DemoFeeder.sample();
    System.out.printf(Locale.ROOT, "%nIngestion benchmark, %d posts per path:%n", posts);

    String pushRun = "push-" + UUID.randomUUID().toString().substring(0, 8);
    try (KafkaConsumer<String, String> consumer = TopicTail.atEnd(bootstrapServers, Topics.POSTS_INGESTED)) {
      long started = System.nanoTime();
      for (int from = 0; from < posts; from += BATCH) {
        List<String> batch = new ArrayList<>();
        for (int i = from; i < Math.min(posts, from + BATCH); i++) {
          batch.add(post(texts, pushRun, i));
        }
        HttpResponse<String> response = send("/api/v1/posts", "application/json", HttpRequest.BodyPublishers.ofString("[" + String.join(",", batch) + "]"));
        if (response.statusCode() != 202) {
          throw new IOException("ingestion answered " + response.statusCode() + ": " + response.body());
        }
      }
      long landed = TopicTail.count(consumer, key -> key.contains(":" + pushRun + "-"), posts, Duration.ofMinutes(5));
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(Locale.ROOT, "  POST /api/v1/posts, batches of %d, one request at a time: %8.0f posts/s into posts.ingested (%d in %.1f s)%n",
          BATCH, landed / seconds, landed, seconds);
    }

    List<Long> micros = new ArrayList<>();
    String latencyRun = "latency-" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < LATENCY_REQUESTS + 100; i++) {
      long t = System.nanoTime();
      HttpResponse<String> response = send("/api/v1/posts", "application/json", HttpRequest.BodyPublishers.ofString(post(texts, latencyRun, i)));
      if (response.statusCode() != 202) {
        throw new IOException("ingestion answered " + response.statusCode());
      }
      if (i >= 100) { // the first 100 warm the JIT
        micros.add((System.nanoTime() - t) / 1000);
      }
    }
    Collections.sort(micros);
    System.out.printf(Locale.ROOT, "  POST /api/v1/posts, one post, %d sequential requests: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", micros.size(),
        pct(micros, 50), pct(micros, 95), pct(micros, 99));

    String importRun = "import-" + UUID.randomUUID().toString().substring(0, 8);
    try (KafkaConsumer<String, String> consumer = TopicTail.atEnd(bootstrapServers, Topics.POSTS_INGESTED)) {
      long started = System.nanoTime();
      HttpResponse<String> response = send("/api/v1/imports", "application/x-ndjson",
          HttpRequest.BodyPublishers.ofInputStream(() -> jsonl(texts, importRun, posts)));
      if (response.statusCode() != 201) {
        throw new IOException("import answered " + response.statusCode() + ": " + response.body());
      }
      JsonNode result = JSON.readTree(response.body());
      long landed = TopicTail.count(consumer, key -> key.contains(":" + importRun + "-"), posts, Duration.ofMinutes(5));
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(Locale.ROOT, "  POST /api/v1/imports, one JSONL upload (streamed):      %8.0f posts/s into posts.ingested (%d in %.1f s; "
          + "import status %s, %d published, %d rejected)%n", landed / seconds, landed, seconds, result.path("status").asText(),
          result.path("published").asLong(), result.path("rejected").asLong());
    }
  }

  private static String post(List<String> texts, String run, int i) throws IOException {
    ObjectNode post = (ObjectNode) JSON.readTree(texts.get(i % texts.size()));
    post.put("sourceId", run + "-" + i);
    post.remove("url");
    return post.toString();
  }

  /** The upload generated as it is sent, so N can exceed memory. */
  private static InputStream jsonl(List<String> texts, String run, int posts) {
    Enumeration<InputStream> lines = new Enumeration<>() {
      int i;

      @Override
      public boolean hasMoreElements() {
        return i < posts;
      }

      @Override
      public InputStream nextElement() {
        try {
          return new java.io.ByteArrayInputStream((post(texts, run, i++) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
    return new java.io.BufferedInputStream(new SequenceInputStream(lines), 1 << 16);
  }

  private static double pct(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1000.0;
  }

  private HttpResponse<String> send(String path, String type, HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(ingestionUrl + path)).header("Content-Type", type).header("Authorization", "Bearer " + token)
        .POST(body).build(), HttpResponse.BodyHandlers.ofString());
  }


}
