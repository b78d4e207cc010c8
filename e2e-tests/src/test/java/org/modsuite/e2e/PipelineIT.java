package org.modsuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modsuite.localstack.LocalStack;
import org.modsuite.localstack.LocalStackSettings;
import org.modsuite.localstack.Ports;
import org.modsuite.localstack.ProjectRoot;
import org.modsuite.localstack.TempDirectories;
import org.modsuite.localstack.suite.ServiceProcess;

/**
 * A post travels through all three packaged services on the real broker and database, started the way ./run starts
 * them: each service in its own process.
 */
class PipelineIT {

  private static final Duration READY = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static LocalStack stack;
  private static Path logs;
  private static ServiceProcess ingestion;
  private static ServiceProcess moderation;
  private static ServiceProcess report;
  private static final int REPORT_PORT = Ports.free();
  private static final String ADMIN_PASSWORD = "e2e-admin-password-not-a-secret";
  private static String token;

  private static Path dataDir;

  @BeforeAll
  static void startSuite() throws Exception {
    // Under target/, so that the services' logs stay for inspection after a failure (mvn clean removes them).
    dataDir = Path.of("target", "e2e-stack").toAbsolutePath();
    TempDirectories.delete(dataDir);
    stack = new LocalStack(LocalStackSettings.forTests(dataDir)).start();
    logs = dataDir.resolve("logs");
    ingestion = service("ingestion-service").start();
    moderation = service("moderation-service").start();
    report = service("report-service").start();
    for (ServiceProcess s : List.of(ingestion, moderation, report)) {
      s.awaitReady(READY);
    }
    token = login();
  }

  /** The bootstrap admin, created by report-service on its first start, may push posts and read cases. */
  private static String login() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(report.baseUrl() + "/api/v1/auth/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + ADMIN_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body()).path("access_token").asText();
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

  private static String post(String sourceId, String text) {
    return """
        {"platform":"e2e","sourceId":"%s","authorId":"someone","text":"%s","language":"en","createdAt":"2026-11-20T10:00:00Z"}"""
        .formatted(sourceId, text);
  }

  private static HttpResponse<String> push(String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(ingestion.baseUrl() + "/api/v1/posts")).header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** postUid of every case, all pages. */
  private static List<String> casePostUids() throws Exception {
    List<String> uids = new ArrayList<>();
    for (int page = 0; ; page++) {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(report.baseUrl() + "/api/v1/cases?size=100&page=" + page))
          .header("Authorization", "Bearer " + token).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode items = JSON.readTree(response.body()).path("items");
      items.forEach(item -> uids.add(item.path("postUid").asText()));
      if (items.size() < 100) {
        return uids;
      }
    }
  }

  @Test
  void aHatefulPostPushedTwiceBecomesOneCaseAndABenignOneNone() throws Exception {
    String hateful = "hate-" + UUID.randomUUID();
    String benign = "benign-" + UUID.randomUUID();
    assertThat(push("[" + post(hateful, "These migrants are vermin, throw them out") + "," + post(benign, "Lovely weather at the lake") + "]")
        .statusCode()).isEqualTo(202);
    assertThat(push(post(hateful, "These migrants are vermin, throw them out")).statusCode()).isEqualTo(202);

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(casePostUids()).contains("e2e:" + hateful));
    Thread.sleep(2000); // a second case or the benign post would have arrived by now
    assertThat(casePostUids()).filteredOn(("e2e:" + hateful)::equals).hasSize(1);
    assertThat(casePostUids()).doesNotContain("e2e:" + benign);
  }

  @Test
  void ingestionAcceptsOnlyTokensSignedByReportService() throws Exception {
    HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(ingestion.baseUrl() + "/api/v1/posts"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("[]")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    HttpResponse<String> foreign = HTTP.send(HttpRequest.newBuilder(URI.create(ingestion.baseUrl() + "/api/v1/posts"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + org.modsuite.localstack.TestTokens.token("admin"))
        .POST(HttpRequest.BodyPublishers.ofString("[]")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(foreign.statusCode()).isEqualTo(401);
  }

  @Test
  void aMalformedPostIsA400NamingTheField() throws Exception {
    HttpResponse<String> response = push(post("bad-" + UUID.randomUUID(), "text").replace("\"2026-11-20T10:00:00Z\"", "\"tomorrow\""));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(JSON.readTree(response.body()).path("errors").get(0).path("field").asText()).isEqualTo("createdAt");
  }

  @Test
  void postsSentWhileReportServiceIsDownBecomeCasesAfterItsRestart() throws Exception {
    report.close();
    List<String> sourceIds = new ArrayList<>();
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < 20; i++) {
      String id = "restart-" + i + "-" + UUID.randomUUID();
      sourceIds.add("e2e:" + id);
      batch.append(i == 0 ? "" : ",").append(post(id, "Refugees are parasites number " + i));
    }
    assertThat(push(batch.append("]").toString()).statusCode()).isEqualTo(202);
    Thread.sleep(3000); // moderation has analysed them into posts.analysed while report-service was down

    report = service("report-service").start();
    report.awaitReady(READY);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(casePostUids()).containsAll(sourceIds));
  }
}
