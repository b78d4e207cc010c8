package org.modsuite.localstack.suite;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * ./run --benchmark-notices N / --benchmark-export N: the report-service figures of docs/benchmarks.md. Notice intake:
 * N notices from 32 concurrent clients (each one transaction with its case, clocks, receipt mail and audit row; durable:
 * synchronous commit is on), throughput and latency percentiles. Export: N statements written straight into the
 * database, then the CSV export of all of them streamed to a byte counter while report-service's heap is sampled.
 */
final class DsaBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CLIENTS = 32;
  private static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String reportUrl;
  private final String token;
  private final Map<String, String> database;

  DsaBenchmark(String reportUrl, String token, Map<String, String> serviceEnvironment) {
    this.reportUrl = reportUrl;
    this.token = token;
    this.database = serviceEnvironment;
  }

  void notices(int count) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    warmUp(run);
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>(count));
    AtomicLong failures = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    long started = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = i;
      futures.add(pool.submit(() -> {
        long t = System.nanoTime();
        int status = postNotice("bench:" + run + "-" + n);
        latencies.add(System.nanoTime() - t);
        if (status != 201) {
          failures.incrementAndGet();
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf("%nNotice intake: %d notices (%d failed) from %d clients in %.1f s = %.0f notices/s; latency p50 %.1f ms, p95 %.1f ms,"
        + " p99 %.1f ms, max %.1f ms%n", count, failures.get(), CLIENTS, seconds, count / seconds, pct(sorted, 50), pct(sorted, 95),
        pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
  }

  void export(int statements) throws Exception {
    long inserting = System.nanoTime();
    insertStatements(statements);
    System.out.printf("%nExport: %d statements inserted with SQL in %.1f s%n", statements, (System.nanoTime() - inserting) / 1e9);
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    AtomicLong peakHeap = new AtomicLong();
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peakHeap.accumulateAndGet(heapUsed(), Math::max);
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    long heapBefore = heapUsed();
    sampler.start();
    long started = System.nanoTime();
    HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(reportUrl + "/api/v1/exports/statements?format=csv&from="
        + today + "&to=" + today)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
    long bytes = 0;
    long lines = 0;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = response.body()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        bytes += n;
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    sampler.interrupt();
    System.out.printf("Export: HTTP %d, %d CSV lines (%.0f MB) in %.1f s = %.0f rows/s; report-service heap used %.0f MB before, peak %.0f MB"
        + " during the export (max heap -Xmx768m)%n", response.statusCode(), lines, bytes / 1e6, seconds, lines / seconds, heapBefore / 1e6,
        peakHeap.get() / 1e6);
  }

  private void warmUp(String run) throws IOException, InterruptedException {
    for (int i = 0; i < 200; i++) {
      postNotice("bench:" + run + "-warm-" + i);
    }
  }

  private int postNotice(String postUid) throws IOException, InterruptedException {
    String body = JSON.writeValueAsString(Map.of("items", List.of(Map.of("postUid", postUid)), "explanation",
        "Benchmark notice: incitement against refugees.", "category", "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", "notifierName",
        "Bench Notifier", "notifierEmail", "bench@demo.modsuite.invalid", "goodFaith", true));
    return http.send(HttpRequest.newBuilder(URI.create(reportUrl + "/api/v1/notices")).header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** One case and decision to hang them on, then the statements, each with a unique PUID, in one INSERT … SELECT. */
  private void insertStatements(int count) throws SQLException {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String body = "{\"decision_visibility\":[\"DECISION_VISIBILITY_CONTENT_REMOVED\"],\"decision_ground\":\"DECISION_GROUND_ILLEGAL_CONTENT\","
        + "\"illegal_content_legal_ground\":\"§ 130 StGB\",\"illegal_content_explanation\":\"Incites hatred against refugees.\","
        + "\"category\":\"STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH\",\"content_type\":[\"CONTENT_TYPE_TEXT\"],\"content_date\":\"2026-11-01\","
        + "\"territorial_scope\":[\"DE\"],\"application_date\":\"2026-11-22\",\"decision_facts\":\"Benchmark statement.\","
        + "\"source_type\":\"SOURCE_VOLUNTARY\",\"automated_detection\":\"Yes\",\"automated_decision\":\"AUTOMATED_DECISION_NOT_AUTOMATED\","
        + "\"puid\":\"__PUID__\"}";
    try (Connection c = DriverManager.getConnection(database.get("QUARKUS_DATASOURCE_JDBC_URL"), database.get("QUARKUS_DATASOURCE_USERNAME"),
        database.get("QUARKUS_DATASOURCE_PASSWORD")); Statement s = c.createStatement()) {
      String caseId = UUID.randomUUID().toString();
      s.execute("INSERT INTO moderation_case (id, post_uid, state, source, opened_at, updated_at) VALUES ('" + caseId + "', 'bench:" + run
          + "', 'decided', 'analysis', now(), now())");
      s.execute("""
          INSERT INTO decision (id, case_id, post_uid, decided_by, decided_at, action, automated_decision, automated_detection, decision_ground,
                                legal_ground, explanation, category, source_type, recipient_token_hash)
          SELECT md5('%1$s' || g)::uuid, '%2$s', 'bench:%1$s', 'benchmark', now(), 'remove', 'AUTOMATED_DECISION_NOT_AUTOMATED', true,
                 'DECISION_GROUND_ILLEGAL_CONTENT', '§ 130 StGB', 'benchmark', 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH', 'SOURCE_VOLUNTARY', 'x'
          FROM generate_series(1, %3$d) g""".formatted(run, caseId, count));
      s.execute("""
          INSERT INTO statement_of_reasons (id, decision_id, puid, body, created_at, state, next_attempt_at)
          SELECT gen_random_uuid(), md5('%1$s' || g)::uuid, 'bench-%1$s-' || g, replace('%2$s', '__PUID__', 'bench-%1$s-' || g), now(), 'submitted', now()
          FROM generate_series(1, %3$d) g""".formatted(run, body.replace("'", "''"), count));
    }
  }

  private long heapUsed() {
    try {
      String metrics = http.send(HttpRequest.newBuilder(URI.create(reportUrl + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
      Matcher m = HEAP.matcher(metrics);
      double sum = 0;
      while (m.find()) {
        sum += Double.parseDouble(m.group(1));
      }
      return (long) sum;
    } catch (IOException | InterruptedException e) {
      return 0;
    }
  }

  private static double pct(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
  }
}
