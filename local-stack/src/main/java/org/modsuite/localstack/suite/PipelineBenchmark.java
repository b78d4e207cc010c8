package org.modsuite.localstack.suite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.modsuite.events.Topics;

/**
 * ./run --benchmark N: pushes N posts (the demo texts, each with a new id) through ingestion in batches, counts them
 * arriving on posts.analysed, and times single-text requests to the synchronous analysis API. Prints the figures;
 * docs/benchmarks.md records them with the machine.
 */
final class PipelineBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BATCH = 500;
  private static final int LATENCY_REQUESTS = 1000;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String ingestionUrl;
  private final String moderationUrl;
  private final String bootstrapServers;
  private final String token;

  PipelineBenchmark(String ingestionUrl, String moderationUrl, String bootstrapServers, String token) {
    this.ingestionUrl = ingestionUrl;
    this.moderationUrl = moderationUrl;
    this.bootstrapServers = bootstrapServers;
    this.token = token;
  }

  void run(int posts) throws IOException, InterruptedException {
    List<String> texts = DemoFeeder.sample();
    String run = UUID.randomUUID().toString().substring(0, 8);
    try (KafkaConsumer<String, String> analysed = TopicTail.atEnd(bootstrapServers, Topics.POSTS_ANALYSED)) {
      long started = System.nanoTime();
      for (int from = 0; from < posts; from += BATCH) {
        List<String> batch = new ArrayList<>();
        for (int i = from; i < Math.min(posts, from + BATCH); i++) {
          ObjectNode post = (ObjectNode) JSON.readTree(texts.get(i % texts.size()));
          post.put("sourceId", "bench-" + run + "-" + i);
          post.remove("url");
          batch.add(post.toString());
        }
        HttpResponse<String> response = post(ingestionUrl + "/api/v1/posts", "[" + String.join(",", batch) + "]");
        if (response.statusCode() != 202) {
          throw new IOException("ingestion answered " + response.statusCode() + ": " + response.body());
        }
      }
      double pushSeconds = (System.nanoTime() - started) / 1e9;
      long analysedCount = TopicTail.count(analysed, key -> key.startsWith("demo:bench-" + run), posts, Duration.ofMinutes(10));
      double pipelineSeconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(Locale.ROOT, "%nBenchmark, %d posts in batches of %d:%n", posts, BATCH);
      System.out.printf(Locale.ROOT, "  ingestion (validated, published, acknowledged by Kafka): %8.0f posts/s  (%.1f s)%n", posts / pushSeconds,
          pushSeconds);
      System.out.printf(Locale.ROOT, "  through moderation to posts.analysed (%d of %d):          %8.0f posts/s  (%.1f s from the first push)%n",
          analysedCount, posts, analysedCount / pipelineSeconds, pipelineSeconds);
    }
    latencies(texts);
  }

  private void latencies(List<String> texts) throws IOException, InterruptedException {
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i < LATENCY_REQUESTS + 100; i++) {
      String text = JSON.readTree(texts.get(i % texts.size())).path("text").asText();
      String body = JSON.writeValueAsString(Map.of("items", List.of(Map.of("id", "1", "text", text))));
      long t = System.nanoTime();
      HttpResponse<String> response = post(moderationUrl + "/api/v1/analyses", body);
      if (response.statusCode() != 200) {
        throw new IOException("moderation answered " + response.statusCode());
      }
      if (i >= 100) { // the first 100 warm the JIT
        micros.add((System.nanoTime() - t) / 1000);
      }
    }
    Collections.sort(micros);
    System.out.printf(Locale.ROOT, "  POST /api/v1/analyses, one text, %d sequential requests: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
        micros.size(), pct(micros, 50), pct(micros, 95), pct(micros, 99));
  }

  private static double pct(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1000.0;
  }

  private HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
  }


}
