package org.modsuite.report.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.report.dsa.FakeTransparencyDatabase;
import org.modsuite.report.dsa.TransparencyDbClient;
import org.modsuite.report.service.StatementService;
import org.modsuite.report.service.StatementSubmitter;
import org.modsuite.report.service.StatementSubmitter.Outcome;
import org.modsuite.support.security.Roles;

/**
 * Decided cases' statements of reasons going to the Transparency Database (a {@link FakeTransparencyDatabase} on a free
 * port), on the real database: acceptance, rate limits, server errors, rejected items, a crash between the database's
 * store and ours, a refused token, and the batch body of a date range. The schedule is off in tests; each test runs
 * the submitter itself.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class StatementSubmissionTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static FakeTransparencyDatabase fake;
  private static String moderator;
  private static String compliance;

  @Inject
  StatementSubmitter submitter;

  @Inject
  StatementService statements;

  @BeforeAll
  static void startFake() {
    fake = new FakeTransparencyDatabase().start();
  }

  @AfterAll
  static void stopFake() {
    fake.close();
  }

  @BeforeEach
  void connectAndDrain() {
    if (moderator == null) {
      moderator = NoticeToDecisionTests.moderator();
      compliance = Login.newUser("compliance-" + UUID.randomUUID().toString().substring(0, 8), "a-compliance-password",
          List.of(Roles.COMPLIANCE));
    }
    submitter.connect(client(fake.token()));
    submitter.submitDue(); // what earlier tests left pending
  }

  @Test
  void aDecidedCasesStatementIsSubmittedAndGetsItsUuid() throws Throwable {
    String puid = decidedStatement();
    statement(puid).body("state", equalTo("pending")).body("attempts", equalTo(0)).body("statement.puid", equalTo(puid));

    StatementSubmitter.SubmissionRun run = submitter.submitDue();

    assertThat(run.count(Outcome.SUBMITTED)).isGreaterThanOrEqualTo(1);
    JsonNode stored = storedByFake(puid).get(0);
    statement(puid).body("state", equalTo("submitted")).body("tdbUuid", equalTo(stored.path("uuid").asText()))
        .body("submittedAt", org.hamcrest.Matchers.notNullValue()).body("lastError", org.hamcrest.Matchers.nullValue());
    assertThat(queryOne("""
        SELECT d.met_at IS NOT NULL FROM deadline d JOIN statement_of_reasons s ON d.subject_id = s.id
        WHERE d.subject_type = 'statement' AND d.kind = 'database_submission' AND s.puid = :puid""", puid)).isEqualTo(true);
    given().auth().oauth2(compliance).queryParam("state", "submitted").queryParam("size", 100).get("/api/v1/statements")
        .then().statusCode(200).body("items.puid", hasItem(puid));
    given().auth().oauth2(compliance).queryParam("target", puid).get("/api/v1/audit")
        .then().statusCode(200).body("action", hasItem("statement.submitted"));
    given().get("/q/metrics").then().statusCode(200)
        .body(containsString("modsuite_statements_submissions_total{outcome=\"submitted\"")).body(containsString("modsuite_statements_pending"));
  }

  @Test
  void aRateLimitedBatchWaitsForRetryAfterThenGoesThrough() throws Throwable {
    String puid = decidedStatement();
    fake.failNextWith429(1, "1");
    Instant before = Instant.now();

    assertThat(submitter.submitDue().count(Outcome.RATE_LIMITED)).isGreaterThanOrEqualTo(1);
    Instant next = Instant.parse(statement(puid).body("state", equalTo("pending")).extract().path("nextAttemptAt"));
    assertThat(next).isBetween(before.plusSeconds(1), Instant.now().plusSeconds(1));
    int requests = fake.requests().size();
    assertThat(submitter.submitDue().batches()).isZero();
    assertThat(fake.requests()).hasSize(requests);

    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).until(() -> submitter.submitDue().count(Outcome.SUBMITTED) > 0);
    statement(puid).body("state", equalTo("submitted")).body("attempts", equalTo(0));
    assertThat(storedByFake(puid)).hasSize(1);
  }

  @Test
  void aServerErrorBacksOffWithJitter() throws Throwable {
    String puid = decidedStatement();
    fake.failNextWith500(1);
    Instant before = Instant.now();

    assertThat(submitter.submitDue().count(Outcome.BACKED_OFF)).isGreaterThanOrEqualTo(1);
    Instant next = Instant.parse(statement(puid).body("state", equalTo("pending")).body("attempts", equalTo(1))
        .body("lastError", equalTo("HTTP 500")).extract().path("nextAttemptAt"));
    assertThat(next).isBetween(before.plusSeconds(10), Instant.now().plusMillis(12_500));
    submitter.submitDue();
    assertThat(storedByFake(puid)).isEmpty();

    update("UPDATE statement_of_reasons SET next_attempt_at = now() WHERE puid = :puid", puid);
    submitter.submitDue();
    statement(puid).body("state", equalTo("submitted"));
  }

  @Test
  void anItemTheDatabaseRejectsIsRejectedWhileTheOthersAreSubmitted() throws Throwable {
    String bad = decidedStatement();
    String good = decidedStatement();
    update("UPDATE statement_of_reasons SET body = (body::jsonb - 'decision_ground')::text WHERE puid = :puid", bad);

    StatementSubmitter.SubmissionRun run = submitter.submitDue();

    assertThat(run.count(Outcome.REJECTED)).isEqualTo(1);
    assertThat(run.count(Outcome.RETRY_NOW)).isGreaterThanOrEqualTo(1);
    statement(bad).body("state", equalTo("rejected")).body("attempts", equalTo(1)).body("lastError", containsString("decision_ground"));
    statement(good).body("state", equalTo("submitted"));
    assertThat(storedByFake(bad)).isEmpty();
    assertThat(storedByFake(good)).hasSize(1);

    String admin = Login.admin();
    given().auth().oauth2(compliance).post("/api/v1/statements/" + bad + "/retry").then().statusCode(403);
    given().auth().oauth2(admin).post("/api/v1/statements/" + bad + "/retry").then().statusCode(200).body("state", equalTo("pending"));
    given().auth().oauth2(admin).post("/api/v1/statements/" + bad + "/retry").then().statusCode(409).contentType("application/problem+json");
    given().auth().oauth2(admin).post("/api/v1/statements/modsuite-nope/retry").then().statusCode(404);
    submitter.submitDue();
    statement(bad).body("state", equalTo("rejected")).body("attempts", equalTo(1));
  }

  @Test
  void aStatementStoredBeforeACrashIsSettledWithoutASecondStore() throws Throwable {
    String puid = decidedStatement();
    submitter.submitDue();
    statement(puid).body("state", equalTo("submitted"));
    // The crash: the database stored it, our transaction never recorded that.
    update("UPDATE statement_of_reasons SET state = 'pending', tdb_uuid = NULL, submitted_at = NULL, next_attempt_at = now() WHERE puid = :puid", puid);

    assertThat(submitter.submitDue().count(Outcome.ALREADY_STORED)).isEqualTo(1);

    statement(puid).body("state", equalTo("submitted")).body("tdbUuid", org.hamcrest.Matchers.nullValue())
        .body("lastError", equalTo("already in database"));
    assertThat(storedByFake(puid)).hasSize(1);
    assertThat(fake.requests()).anyMatch(r -> r.path().equals("/api/v1/statement/existing-puid/" + puid));
  }

  @Test
  void aRefusedTokenLeavesTheStatementsPending() throws Throwable {
    submitter.connect(client("1|not-the-token"));
    String puid = decidedStatement();

    assertThat(submitter.submitDue().count(Outcome.UNAUTHORIZED)).isGreaterThanOrEqualTo(1);
    statement(puid).body("state", equalTo("pending")).body("attempts", equalTo(0));

    submitter.connect(client(fake.token()));
    submitter.submitDue();
    statement(puid).body("state", equalTo("submitted"));
  }

  @Test
  void theBatchBodyOfADateRangeIsWhatTheDatabaseTakes() throws Throwable {
    String first = decidedStatement();
    String second = decidedStatement();
    update("UPDATE statement_of_reasons SET created_at = '2001-02-03T00:00:00Z' WHERE puid = :puid", first);
    update("UPDATE statement_of_reasons SET created_at = '2001-02-04T23:59:59.999999Z' WHERE puid = :puid", second);

    String body = given().auth().oauth2(compliance).queryParam("from", "2001-02-03").queryParam("to", "2001-02-04")
        .get("/api/v1/statements/transparency-db").then().statusCode(200).contentType("application/json")
        .header("Content-Disposition", containsString("statements-2001-02-03-2001-02-04.json")).extract().asString();
    JsonNode statements = JSON.readTree(body).path("statements");
    assertThat(statements).hasSize(2);
    assertThat(statements.get(0).path("puid").asText()).isEqualTo(first);
    assertThat(statements.get(1).path("puid").asText()).isEqualTo(second);
    assertThat(statements.get(0)).isEqualTo(JSON.readTree((String) queryOne("SELECT body FROM statement_of_reasons WHERE puid = :puid", first)));

    try (FakeTransparencyDatabase fresh = new FakeTransparencyDatabase().start()) {
      HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fresh.baseUrl() + "/api/v1/statements"))
          .header("Authorization", "Bearer " + fresh.token()).header("Content-Type", "application/json").header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
      assertThat(fresh.stored()).extracting(s -> s.path("puid").asText()).containsExactly(first, second);
    }

    given().auth().oauth2(compliance).queryParam("from", "2001-02-05").queryParam("to", "2001-02-05").get("/api/v1/statements/transparency-db")
        .then().statusCode(200).body(equalTo("{\"statements\":[]}"));
    given().auth().oauth2(compliance).queryParam("from", "2001-02-04").queryParam("to", "2001-02-03").get("/api/v1/statements/transparency-db")
        .then().statusCode(400).contentType("application/problem+json").body("errors.field", equalTo(List.of("to")));
    given().auth().oauth2(compliance).queryParam("from", "03.02.2001").queryParam("to", "2001-02-03").get("/api/v1/statements/transparency-db")
        .then().statusCode(400).body("errors.field", equalTo(List.of("from")));
    given().auth().oauth2(compliance).get("/api/v1/statements/transparency-db").then().statusCode(400).body("errors.field", hasItems("from", "to"));
    given().auth().oauth2(moderator).queryParam("from", "2001-02-03").queryParam("to", "2001-02-03").get("/api/v1/statements/transparency-db")
        .then().statusCode(403);
    given().auth().oauth2(compliance).get("/api/v1/statements/modsuite-nope").then().statusCode(404).contentType("application/problem+json");
  }

  @Test
  void theBatchBodyPagesThroughStatementsCreatedAtTheSameMoment() throws Throwable {
    List<String> puids = List.of(decidedStatement(), decidedStatement(), decidedStatement());
    update("UPDATE statement_of_reasons SET created_at = '2001-03-01T12:00:00Z' WHERE puid = :puid", puids.get(0));
    update("UPDATE statement_of_reasons SET created_at = '2001-03-01T12:00:00Z' WHERE puid = :puid", puids.get(1));
    update("UPDATE statement_of_reasons SET created_at = '2001-03-01T12:00:01Z' WHERE puid = :puid", puids.get(2));
    Instant from = Instant.parse("2001-03-01T00:00:00Z");
    Instant to = Instant.parse("2001-03-02T00:00:00Z");

    var onePerQuery = new java.io.ByteArrayOutputStream();
    statements.writeBatchBody(from, to, onePerQuery, 1);
    var allAtOnce = new java.io.ByteArrayOutputStream();
    statements.writeBatchBody(from, to, allAtOnce);

    assertThat(onePerQuery.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(allAtOnce.toString(java.nio.charset.StandardCharsets.UTF_8));
    List<String> written = new java.util.ArrayList<>();
    JSON.readTree(onePerQuery.toByteArray()).path("statements").forEach(s -> written.add(s.path("puid").asText()));
    assertThat(written).hasSize(3).containsExactlyInAnyOrderElementsOf(puids).endsWith(puids.get(2));
  }

  /** A new case via a public notice, claimed and decided with a removal: returns the statement's PUID. */
  private static String decidedStatement() {
    String caseId = given().contentType("application/json").body(NoticeToDecisionTests.notice("test:" + UUID.randomUUID())).post("/api/v1/notices")
        .then().statusCode(201).extract().path("items[0].caseId");
    given().auth().oauth2(moderator).post("/api/v1/cases/" + caseId + "/claim").then().statusCode(200);
    return given().auth().oauth2(moderator).contentType("application/json").body(NoticeToDecisionTests.illegalRemoval())
        .post("/api/v1/cases/" + caseId + "/decisions").then().statusCode(201).extract().path("statementPuid");
  }

  private static io.restassured.response.ValidatableResponse statement(String puid) {
    return given().auth().oauth2(compliance).get("/api/v1/statements/" + puid).then().statusCode(200).body("puid", equalTo(puid));
  }

  private static List<JsonNode> storedByFake(String puid) {
    return fake.stored().stream().filter(s -> puid.equals(s.path("puid").asText())).map(s -> (JsonNode) s).toList();
  }

  private static TransparencyDbClient client(String token) {
    return new TransparencyDbClient(fake.baseUrl(), token, Duration.ofSeconds(5));
  }

  private static void update(String sql, String puid) throws Throwable {
    int rows = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
        .chain(s -> s.createNativeQuery(sql).setParameter("puid", puid).executeUpdate())));
    assertThat(rows).isEqualTo(1);
  }

  private static Object queryOne(String sql, String puid) throws Throwable {
    return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
        .chain(s -> s.createNativeQuery(sql, Object.class).setParameter("puid", puid).getSingleResult())));
  }
}
