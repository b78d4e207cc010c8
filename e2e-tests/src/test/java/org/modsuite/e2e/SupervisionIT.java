package org.modsuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
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
import java.util.function.Function;
import java.util.stream.Collectors;

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
import org.modsuite.localstack.suite.RestartPolicy;
import org.modsuite.localstack.suite.ServiceProcess;
import org.modsuite.localstack.suite.ServiceSupervisor;

/**
 * kill -9 of each service in turn while posts are being pushed, with the services supervised as ./run supervises
 * them: every post becomes exactly one case (none lost, none duplicated), each killed service is restarted, and
 * closing the supervisors leaves no process behind.
 */
class SupervisionIT {

  private static final Duration READY = Duration.ofSeconds(180);
  private static final int POSTS_PER_KILL = 100;
  private static final int BATCH = 10;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final String ADMIN_PASSWORD = "e2e-admin-password-not-a-secret";
  private static final int REPORT_PORT = Ports.free();

  private static LocalStack stack;
  private static final List<ServiceSupervisor> SUPERVISORS = new ArrayList<>();
  private static String token;

  @BeforeAll
  static void startSupervisedSuite() throws Exception {
    Path dataDir = Path.of("target", "e2e-supervision-stack").toAbsolutePath();
    TempDirectories.delete(dataDir);
    stack = new LocalStack(LocalStackSettings.forTests(dataDir)).start();
    List<ServiceProcess> services = new ArrayList<>();
    for (String name : List.of("ingestion-service", "moderation-service", "report-service")) {
      services.add(service(name, dataDir.resolve("logs")).start());
    }
    for (ServiceProcess service : services) {
      service.awaitReady(READY);
      // ./run's policy, with a shorter first delay so that the test spends its time on restarts, not waiting.
      SUPERVISORS.add(new ServiceSupervisor(service, new RestartPolicy(Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(60)),
          READY, System.out).watch());
    }
    token = login();
  }

  @AfterAll
  static void stopSuite() {
    SUPERVISORS.forEach(ServiceSupervisor::close);
    if (stack != null) {
      stack.close();
    }
  }

  private static ServiceProcess service(String name, Path logs) {
    Map<String, String> env = new HashMap<>(stack.serviceEnvironment());
    env.put("MODSUITE_INGESTION_PSEUDONYM_KEY", "e2e-test-key-not-a-secret-0123456789");
    env.put("MODSUITE_INGESTION_SECRET_KEY", "e2e-secret-key-not-a-secret-0123456789");
    env.put("MODSUITE_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "http://127.0.0.1:" + REPORT_PORT + "/.well-known/jwks.json");
    int port = name.equals("report-service") ? REPORT_PORT : Ports.free();
    return new ServiceProcess(name, ProjectRoot.find().resolve(name).resolve("target").resolve("quarkus-app"), port, env, logs.resolve(name + ".log"));
  }

  private static ServiceProcess running(String name) {
    return SUPERVISORS.stream().map(ServiceSupervisor::service).filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private static String login() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(running("report-service").baseUrl() + "/api/v1/auth/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + ADMIN_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body()).path("access_token").asText();
  }

  private static String sourceId(int i) {
    return "supervised-" + i;
  }

  /**
   * Pushes posts {@code from} to {@code to} (exclusive) in batches, as a client that retries until ingestion accepts:
   * a batch whose answer was lost to a kill is sent again, which must not give a second case.
   */
  private static void push(int from, int to) throws Exception {
    for (int start = from; start < to; start += BATCH) {
      StringBuilder batch = new StringBuilder("[");
      for (int i = start; i < Math.min(start + BATCH, to); i++) {
        batch.append(i == start ? "" : ",").append("""
            {"platform":"e2e","sourceId":"%s","authorId":"someone","text":"Refugees are parasites number %d","language":"en","createdAt":"2026-11-20T10:00:00Z"}"""
            .formatted(sourceId(i), i));
      }
      String body = batch.append("]").toString();
      await().atMost(READY).pollInterval(Duration.ofMillis(300)).until(() -> accepted(body));
    }
  }

  private static boolean accepted(String body) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(running("ingestion-service").baseUrl() + "/api/v1/posts")).timeout(Duration.ofSeconds(20))
          .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 202;
    } catch (IOException e) {
      return false; // killed or not listening yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** postUid of every case, all pages. */
  private static List<String> casePostUids() throws Exception {
    List<String> uids = new ArrayList<>();
    for (int page = 0; ; page++) {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(running("report-service").baseUrl()
          + "/api/v1/cases?size=100&page=" + page)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode items = JSON.readTree(response.body()).path("items");
      items.forEach(item -> uids.add(item.path("postUid").asText()));
      if (items.size() < 100) {
        return uids;
      }
    }
  }

  @Test
  void killingEachServiceDuringAPushLosesAndDuplicatesNothing() throws Exception {
    int sent = 0;
    for (ServiceSupervisor victim : SUPERVISORS) {
      push(sent, sent + POSTS_PER_KILL / 2);
      long killed = victim.service().handle().pid();
      victim.service().handle().destroyForcibly(); // SIGKILL, as kill -9
      push(sent + POSTS_PER_KILL / 2, sent + POSTS_PER_KILL);
      sent += POSTS_PER_KILL;
      await().atMost(READY).pollInterval(Duration.ofMillis(500))
          .until(() -> victim.restarts() >= 1 && victim.service().readyAfter() != null && victim.service().handle().pid() != killed);
      System.out.printf("%s restarted after kill -9, ready after %s%n", victim.service().name(), victim.service().readyAfter());
    }

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < sent; i++) {
      expected.add("e2e:" + sourceId(i));
    }
    await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(casePostUids()).containsAll(expected));
    Thread.sleep(3000); // a duplicate would arrive with the last of them
    Map<String, Long> casesPerPost = casePostUids().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(casesPerPost.entrySet()).filteredOn(e -> e.getValue() > 1).as("posts with more than one case").isEmpty();
    assertThat(casesPerPost.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    System.out.printf("Supervision: %d posts pushed, %d cases, 0 lost, 0 duplicated; restarts %s%n", sent, casesPerPost.size(),
        SUPERVISORS.stream().map(s -> s.service().name() + "=" + s.restarts()).toList());

    // Closing the supervisors stops the restarted processes too.
    SUPERVISORS.forEach(ServiceSupervisor::close);
    assertThat(SUPERVISORS).allSatisfy(s -> assertThat(s.service().isAlive()).isFalse());
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().orElse("").contains("quarkus-run.jar"))).isEmpty();
  }
}
