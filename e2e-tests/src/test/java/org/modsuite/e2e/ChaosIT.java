package org.modsuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modsuite.events.EventJson;
import org.modsuite.events.PostEvent;
import org.modsuite.events.PostOp;
import org.modsuite.events.Topics;
import org.modsuite.localstack.KafkaProbe;
import org.modsuite.localstack.LocalStack;
import org.modsuite.localstack.LocalStackSettings;
import org.modsuite.localstack.Ports;
import org.modsuite.localstack.ProjectRoot;
import org.modsuite.localstack.TempDirectories;
import org.modsuite.localstack.suite.ServiceProcess;

/**
 * The suite as ./run starts it, through a PostgreSQL outage (2 minutes; {@code -Dchaos.outage=PT30S} for a quicker
 * run) while posts flow, and a post with U+0000 on posts.ingested. Prints the figures it measured.
 */
class ChaosIT {

  private static final Duration READY = Duration.ofSeconds(120);
  private static final Duration OUTAGE = Duration.parse(System.getProperty("chaos.outage", "PT2M"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final String ADMIN_PASSWORD = "e2e-admin-password-not-a-secret";
  private static final int REPORT_PORT = Ports.free();

  private static LocalStack stack;
  private static Path logs;
  private static ServiceProcess ingestion;
  private static ServiceProcess moderation;
  private static ServiceProcess report;
  private static KafkaProbe kafka;
  private static String token;

  @BeforeAll
  static void startSuite() throws Exception {
    Path dataDir = Path.of("target", "e2e-chaos-stack").toAbsolutePath();
    TempDirectories.delete(dataDir);
    stack = new LocalStack(LocalStackSettings.forTests(dataDir)).start();
    kafka = new KafkaProbe(stack.bootstrapServers());
    logs = dataDir.resolve("logs");
    ingestion = service("ingestion-service").start();
    moderation = service("moderation-service").start();
    report = service("report-service").start();
    for (ServiceProcess s : List.of(ingestion, moderation, report)) {
      s.awaitReady(READY);
    }
    token = login();
  }

  @AfterAll
  static void stopSuite() {
    for (ServiceProcess s : new ServiceProcess[] {ingestion, moderation, report}) {
      if (s != null) {
        s.close();
      }
    }
    if (stack != null) {
      stack.close();
    }
  }

  private static ServiceProcess service(String name) {
    Map<String, String> env = new HashMap<>(stack.serviceEnvironment());
    env.put("MODSUITE_INGESTION_PSEUDONYM_KEY", "e2e-test-key-not-a-secret-0123456789");
    env.put("MODSUITE_INGESTION_SECRET_KEY", "e2e-secret-key-not-a-secret-0123456789");
    env.put("MODSUITE_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "http://127.0.0.1:" + REPORT_PORT + "/.well-known/jwks.json");
    int port = name.equals("report-service") ? REPORT_PORT : Ports.free();
    return new ServiceProcess(name, ProjectRoot.find().resolve(name).resolve("target").resolve("quarkus-app"), port, env,
        logs.resolve(name + ".log"));
  }

  private static HttpResponse<String> tokenRequest() throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(report.baseUrl() + "/api/v1/auth/token")).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + ADMIN_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String login() throws Exception {
    HttpResponse<String> response = tokenRequest();
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body()).path("access_token").asText();
  }

  private static String post(String sourceId, String text) {
    return """
        {"platform":"e2e","sourceId":"%s","authorId":"someone","text":"%s","language":"en","createdAt":"2026-11-20T10:00:00Z"}"""
        .formatted(sourceId, text);
  }

  private static int push(String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(ingestion.baseUrl() + "/api/v1/posts")).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** Status and milliseconds of a GET with a 3 s limit (-1 when it did not answer within it). */
  private static long[] timedGet(String url) {
    long start = System.nanoTime();
    try {
      int status = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
      return new long[] {status, (System.nanoTime() - start) / 1_000_000};
    } catch (Exception e) {
      return new long[] {-1, (System.nanoTime() - start) / 1_000_000};
    }
  }

  private static Set<String> casePostUids() throws Exception {
    Set<String> uids = new HashSet<>();
    for (int page = 0; ; page++) {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(report.baseUrl() + "/api/v1/cases?state=all&size=100&page=" + page))
          .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode items = JSON.readTree(response.body()).path("items");
      items.forEach(item -> uids.add(item.path("postUid").asText()));
      if (items.size() < 100) {
        return uids;
      }
    }
  }

  @Test
  void aDatabaseOutageWhilePostsFlowLosesNoCaseAndNeedsNoRestart() throws Exception {
    List<String> accepted = new ArrayList<>();
    int refused = 0;
    Map<String, Long> slowestHealthMs = new java.util.TreeMap<>();
    boolean sawReportNotReady = false;
    long tokenDuringOutageMs = -1;
    int tokenDuringOutageStatus = -1;

    stack.stopPostgres();
    Instant stopped = Instant.now();
    boolean restartedPostgres = false;
    try {
      int n = 0;
      while (Duration.between(stopped, Instant.now()).compareTo(OUTAGE) < 0) {
        String id = "chaos-" + n + "-" + UUID.randomUUID();
        if (push(post(id, "Refugees are parasites, chaos number " + n++)) == 202) {
          accepted.add("e2e:" + id);
        } else {
          refused++;
        }
        for (String url : List.of(report.baseUrl() + "/q/health/ready", report.baseUrl() + "/q/health/live",
            ingestion.baseUrl() + "/q/health/ready", ingestion.baseUrl() + "/q/health/live")) {
          long[] answer = timedGet(url);
          assertThat(answer[0]).as("%s answered", url).isPositive();
          slowestHealthMs.merge(url.replace(report.baseUrl(), "report").replace(ingestion.baseUrl(), "ingestion"), answer[1], Math::max);
          if (url.endsWith("/live")) {
            assertThat(answer[0]).as("%s stays UP during the outage", url).isEqualTo(200);
          } else if (url.startsWith(report.baseUrl()) && answer[0] == 503) {
            sawReportNotReady = true;
          }
        }
        if (tokenDuringOutageStatus < 0 && Duration.between(stopped, Instant.now()).toSeconds() > 10) {
          long start = System.nanoTime();
          HttpResponse<String> response = tokenRequest();
          tokenDuringOutageMs = (System.nanoTime() - start) / 1_000_000;
          tokenDuringOutageStatus = response.statusCode();
          assertThat(response.statusCode()).isEqualTo(503);
          assertThat(response.headers().firstValue("Retry-After")).isPresent();
          assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        }
        Thread.sleep(1000);
      }
      stack.startPostgres();
      restartedPostgres = true;
    } finally {
      if (!restartedPostgres) {
        stack.startPostgres(); // a failed assertion must not leave the next test without a database
      }
    }
    Instant restarted = Instant.now();

    await().atMost(Duration.ofSeconds(60)).until(() -> timedGet(report.baseUrl() + "/q/health/ready")[0] == 200);
    Duration readyAgain = Duration.between(restarted, Instant.now());
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(casePostUids()).containsAll(accepted));
    Duration allCases = Duration.between(restarted, Instant.now());
    System.out.printf("chaos: PostgreSQL down %d s; %d posts accepted during the outage (%d refused), %d became cases, 0 lost; "
            + "slowest health answers (ms) %s; token endpoint %d in %d ms; report ready %d s and all cases %d s after PostgreSQL returned%n",
        Duration.between(stopped, restarted).toSeconds(), accepted.size(), refused, accepted.size(), slowestHealthMs, tokenDuringOutageStatus,
        tokenDuringOutageMs, readyAgain.toSeconds(), allCases.toSeconds());
    assertThat(accepted).isNotEmpty();
    assertThat(sawReportNotReady).as("report-service's readiness said DOWN during the outage").isTrue();
    assertThat(slowestHealthMs.values()).allSatisfy(ms -> assertThat(ms).isLessThan(1000L));
  }

  @Test
  void aPostWithNulIsDeadLetteredAndTheNextPostStillBecomesACaseAlsoAfterARestart() throws Exception {
    String nulUid = "e2e:nul-" + UUID.randomUUID();
    Instant now = Instant.now();
    String withNul = EventJson.write(new PostEvent(UUID.randomUUID(), PostEvent.TYPE, PostEvent.SCHEMA_VERSION, now, nulUid, "e2e",
        "\u0000nul", null, "someone", "Refugees are parasites \u0000", "en", now, null, null, null, null, PostOp.CREATE, now));
    kafka.send(Topics.POSTS_INGESTED, nulUid, withNul);
    String next = "after-nul-" + UUID.randomUUID();
    assertThat(push(post(next, "These migrants are vermin, throw them out"))).isEqualTo(202);

    for (String group : List.of("report-service-posts", "moderation-service")) {
      ConsumerRecord<String, String> dead = kafka.await(Topics.deadLetter(Topics.POSTS_INGESTED),
          r -> nulUid.equals(r.key()) && group.equals(KafkaProbe.header(r, "dead-letter-consumer-group")), Duration.ofSeconds(60));
      assertThat(KafkaProbe.header(dead, "dead-letter-reason")).contains("U+0000");
    }
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(casePostUids()).contains("e2e:" + next));

    report.close();
    report = service("report-service").start();
    report.awaitReady(READY);
    String afterRestart = "after-restart-" + UUID.randomUUID();
    assertThat(push(post(afterRestart, "These migrants are vermin, throw them out"))).isEqualTo(202);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(casePostUids()).contains("e2e:" + afterRestart));
    // the offset was committed: the restarted consumer did not read the NUL record again
    List<ConsumerRecord<String, String>> copies = kafka.collect(Topics.deadLetter(Topics.POSTS_INGESTED),
        r -> nulUid.equals(r.key()) && "report-service-posts".equals(KafkaProbe.header(r, "dead-letter-consumer-group")), 10, Duration.ofSeconds(5));
    assertThat(copies).hasSize(1);
    System.out.printf("chaos: the NUL post was dead-lettered once by each consumer of posts.ingested; the next post and one after a restart "
        + "of report-service became cases%n");
  }
}
