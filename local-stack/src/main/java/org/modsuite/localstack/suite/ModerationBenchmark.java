package org.modsuite.localstack.suite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.modsuite.events.EventJson;
import org.modsuite.events.PostEvent;
import org.modsuite.events.PostOp;
import org.modsuite.events.Topics;
import org.modsuite.localstack.ChildJvm;

/**
 * ./run --benchmark-moderation N: moderation-service alone. (1) After the warm-up posts, N PostEvents
 * of the mixed English/German benchmark corpus (model-training/benchmark/corpus.jsonl, replayed with new ids) written
 * straight to posts.ingested with a Kafka producer, so that ingestion is not the limit; the rate at which their analyses arrive on posts.analysed, overall and
 * after the first 10 %; moderation-service's CPU time per post. (2) 1,100 single-post POST /api/v1/analyses one after
 * the other, percentiles of the last 1,000. (3) Start-up (process start to ready) and heap in use (sampled from
 * /q/metrics during the run, and after a full GC at the end). docs/benchmarks.md records the figures.
 */
final class ModerationBenchmark {

  static final Path CORPUS = Path.of("model-training", "benchmark", "corpus.jsonl");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LATENCY_REQUESTS = 1000;
  private static final int WARM_UP_REQUESTS = 100;
  private static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+-]+)");
  private static final Pattern QUARKUS_STARTED = Pattern.compile("started in ([0-9.]+)s");

  /** One post of the corpus. */
  record CorpusPost(String source, String language, String text) {
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ServiceProcess moderation;
  private final Path moderationLog;
  private final String bootstrapServers;
  private final Callable<String> token;
  private final Path corpusFile;

  /**
   * @param token a token with a role that may call the analysis API, fetched when the latency phase starts
   * @param corpusFile the JSONL corpus ({@code source}, {@code language}, {@code text} per line)
   */
  ModerationBenchmark(ServiceProcess moderation, Path moderationLog, String bootstrapServers, Callable<String> token, Path corpusFile) {
    this.moderation = moderation;
    this.moderationLog = moderationLog;
    this.bootstrapServers = bootstrapServers;
    this.token = token;
    this.corpusFile = corpusFile;
  }

  /**
   * @param warmUp posts analysed before the measured run: on two cores the JIT compilers still took a third of the
   *     service's CPU a minute into a cold run, which a service that runs for days pays once
   */
  void run(int posts, int warmUp) throws Exception {
    List<CorpusPost> corpus = read(corpusFile);
    long english = corpus.stream().filter(p -> p.language().equals("en")).count();
    System.out.printf(Locale.ROOT, "%nModeration benchmark: %d posts from %s (%d posts: %d English, %d German; replayed %.1f times with new ids)%n",
        posts, corpusFile, corpus.size(), english, corpus.size() - english, (double) posts / corpus.size());
    Duration ready = moderation.readyAfter();
    System.out.printf(Locale.ROOT, "  start-up: process start to /q/health/ready UP %.1f s (Quarkus reports started in %s s)%n",
        ready == null ? Double.NaN : ready.toMillis() / 1000.0, quarkusStarted());

    HeapSampler heap = new HeapSampler();
    heap.start();
    try {
      if (warmUp > 0) {
        System.out.printf(Locale.ROOT, "  warm-up (JIT compilation, first use), %d posts, not part of the summary:%n", warmUp);
        throughput(corpus, warmUp, false, 0);
      }
      System.out.printf(Locale.ROOT, "  measured run, %d posts:%n", posts);
      throughput(corpus, posts, true, warmUp);
      latencies(corpus);
    } finally {
      heap.interrupt();
    }
    long live = liveHeapAfterGc();
    System.out.printf(Locale.ROOT, "  moderation-service heap in use: peak %d MB sampled every 250 ms during the run, %s after a full GC"
        + " (-Xmx%s, English and German loaded)%n", heap.peak.get() >> 20, live < 0 ? "n/a" : (live >> 20) + " MB", moderation.maxHeap());
    System.out.printf(Locale.ROOT, "summary: start-up %.1f s; heap peak %d MB, %s live%n", ready == null ? Double.NaN : ready.toMillis() / 1000.0,
        heap.peak.get() >> 20, live < 0 ? "n/a" : (live >> 20) + " MB");
  }

  /**
   * @param measured whether this is the measured run, which prints the summary line
   * @param warmedUpBy the posts analysed before it
   */
  private void throughput(List<CorpusPost> corpus, int posts, boolean measured, int warmedUpBy) throws IOException {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String prefix = "bench:" + run + "-";
    // Serialised before the clock starts, so that the producer side costs as little CPU as possible while timed.
    List<ProducerRecord<String, String>> records = new ArrayList<>(posts);
    Instant now = Instant.now();
    for (int i = 0; i < posts; i++) {
      CorpusPost post = corpus.get(i % corpus.size());
      String uid = prefix + i;
      PostEvent event = new PostEvent(UUID.randomUUID(), PostEvent.TYPE, PostEvent.SCHEMA_VERSION, now, uid, "bench", run + "-" + i, null,
          "bench-author-" + (i % 97), post.text(), post.language(), now, null, null, null, "moderation-benchmark", PostOp.CREATE, now);
      records.add(new ProducerRecord<>(Topics.POSTS_INGESTED, uid, EventJson.write(event)));
    }
    ProcessHandle process = moderation.handle();
    long cpuBefore = cpuMillis(process);
    try (KafkaConsumer<String, String> analysed = TopicTail.atEnd(bootstrapServers, Topics.POSTS_ANALYSED);
        KafkaProducer<String, String> producer = producer()) {
      long started = System.nanoTime();
      for (ProducerRecord<String, String> record : records) {
        producer.send(record);
      }
      producer.flush();
      double writeSeconds = (System.nanoTime() - started) / 1e9;

      int tenth = Math.max(1, posts / 10);
      long atTenth = 0;
      long cpuAtTenth = 0;
      long last = started;
      long count = 0;
      List<Long> serviceLatencies = new ArrayList<>(posts);
      long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
      while (count < posts && System.nanoTime() < deadline) {
        for (var record : analysed.poll(Duration.ofMillis(100))) {
          if (record.key() != null && record.key().startsWith(prefix)) {
            count++;
            last = System.nanoTime();
            if (count == tenth) {
              atTenth = last;
              cpuAtTenth = cpuMillis(process);
            }
            serviceLatencies.add(JSON.readTree(record.value()).path("latencyMs").asLong());
          }
        }
      }
      long cpuEnd = cpuMillis(process);
      long cpuMillis = cpuEnd - cpuBefore;
      // CPU per post in steady state: JIT compilation and first-use loading are mostly behind by then.
      double steadyCpuPerPost = cpuAtTenth == 0 || count <= tenth ? Double.NaN : (double) (cpuEnd - cpuAtTenth) / (count - tenth);
      double overallSeconds = (last - started) / 1e9;
      double overall = count / overallSeconds;
      double steady = atTenth == 0 || last == atTenth ? Double.NaN : (count - tenth) / ((last - atTenth) / 1e9);
      Collections.sort(serviceLatencies);
      System.out.printf(Locale.ROOT, "  wrote %d PostEvents to posts.ingested in %.1f s (%.0f posts/s, acknowledged by Kafka)%n", posts, writeSeconds,
          posts / writeSeconds);
      System.out.printf(Locale.ROOT, "  analyses on posts.analysed: %d of %d in %.1f s: overall %.0f posts/s, steady state (after the first 10 %%)"
          + " %.0f posts/s%n", count, posts, overallSeconds, overall, steady);
      if (!serviceLatencies.isEmpty()) {
        System.out.printf(Locale.ROOT, "  analysis time inside moderation-service per post (latencyMs of the events): p50 %d ms, p99 %d ms, max %d ms%n",
            pct(serviceLatencies, 50), pct(serviceLatencies, 99), serviceLatencies.get(serviceLatencies.size() - 1));
      }
      int cores = Runtime.getRuntime().availableProcessors();
      if (cpuMillis > 0) {
        System.out.printf(Locale.ROOT, "  moderation-service CPU (all its threads: analysis, Kafka, GC, JIT): %.1f s for %d posts = %.2f ms per post;"
            + " after the first 10 %% %.2f ms per post, so %d cores for moderation alone would carry ~%.0f posts/s%n", cpuMillis / 1000.0, count,
            (double) cpuMillis / Math.max(1, count), steadyCpuPerPost, cores, cores * 1000 / steadyCpuPerPost);
      }
      if (measured) {
        System.out.printf(Locale.ROOT, "summary: Kafka, %d posts after a warm-up of %d: overall %.0f posts/s, steady state %.0f posts/s; CPU per post"
            + " %.2f ms overall, %.2f ms in steady state (%d cores: ~%.0f posts/s)%n", count, warmedUpBy, overall, steady,
            cpuMillis / (double) Math.max(1, count), steadyCpuPerPost, cores, cores * 1000 / steadyCpuPerPost);
      }
      if (count < posts) {
        throw new IOException("only " + count + " of " + posts + " analyses arrived within 15 minutes");
      }
    }
  }

  private void latencies(List<CorpusPost> corpus) throws Exception {
    String bearer = token.call();
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i < LATENCY_REQUESTS + WARM_UP_REQUESTS; i++) {
      CorpusPost post = corpus.get(i % corpus.size());
      String body = JSON.writeValueAsString(Map.of("items", List.of(Map.of("id", "1", "text", post.text(), "lang", post.language()))));
      long t = System.nanoTime();
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(moderation.baseUrl() + "/api/v1/analyses"))
          .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("moderation answered " + response.statusCode() + ": " + response.body());
      }
      if (i >= WARM_UP_REQUESTS) {
        micros.add((System.nanoTime() - t) / 1000);
      }
    }
    Collections.sort(micros);
    System.out.printf(Locale.ROOT, "  POST /api/v1/analyses, one post, %d sequential requests after %d warm-up: p50 %.1f ms, p95 %.1f ms,"
        + " p99 %.1f ms, max %.1f ms%n", micros.size(), WARM_UP_REQUESTS, pct(micros, 50) / 1000.0, pct(micros, 95) / 1000.0,
        pct(micros, 99) / 1000.0, micros.get(micros.size() - 1) / 1000.0);
    System.out.printf(Locale.ROOT, "summary: sync API, one post: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", pct(micros, 50) / 1000.0,
        pct(micros, 95) / 1000.0, pct(micros, 99) / 1000.0);
  }

  static List<CorpusPost> read(Path file) throws IOException {
    List<CorpusPost> posts = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        JsonNode node = JSON.readTree(line);
        posts.add(new CorpusPost(node.path("source").asText(), node.path("language").asText(), node.path("text").asText()));
      }
    }
    if (posts.isEmpty()) {
      throw new IOException("the benchmark corpus " + file + " is empty");
    }
    return posts;
  }

  private KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
        new StringSerializer(), new StringSerializer());
  }

  private String quarkusStarted() {
    try {
      Matcher m = QUARKUS_STARTED.matcher(Files.readString(moderationLog, StandardCharsets.UTF_8));
      String last = "n/a";
      while (m.find()) {
        last = m.group(1);
      }
      return last;
    } catch (IOException e) {
      return "n/a";
    }
  }

  /** Heap in use after jcmd GC.run (a full GC): what the loaded models and state really hold; -1 if jcmd is not there. */
  private long liveHeapAfterGc() {
    ProcessHandle process = moderation.handle();
    Path jcmd = Path.of(ChildJvm.jdkTool("jcmd"));
    if (process == null || !Files.isExecutable(jcmd)) {
      return -1;
    }
    try {
      Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.run").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      gc.waitFor();
      return heapUsed();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Sum over the heap pools of jvm_memory_used_bytes{area="heap"}; -1 if the metrics cannot be read. */
  private long heapUsed() {
    try {
      String metrics = http.send(HttpRequest.newBuilder(URI.create(moderation.baseUrl() + "/q/metrics")).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Matcher m = HEAP.matcher(metrics);
      double sum = 0;
      while (m.find()) {
        sum += Double.parseDouble(m.group(1));
      }
      return (long) sum;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Samples the heap in use every 250 ms and keeps the peak. */
  private final class HeapSampler extends Thread {
    final AtomicLong peak = new AtomicLong();

    HeapSampler() {
      super("heap-sampler");
      setDaemon(true);
    }

    @Override
    public void run() {
      while (!isInterrupted()) {
        peak.accumulateAndGet(heapUsed(), Math::max);
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private static long cpuMillis(ProcessHandle process) {
    return process == null ? 0 : process.info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
  }

  private static long pct(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
  }
}
