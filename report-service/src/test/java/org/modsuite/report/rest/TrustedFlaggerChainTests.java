package org.modsuite.report.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.report.dsa.FakeTransparencyDatabase;
import org.modsuite.report.dsa.TransparencyDbClient;
import org.modsuite.report.service.StatementSubmitter;
import org.modsuite.support.security.Roles;

/**
 * The whole DSA chain on the real database: a trusted flagger's notice gets priority and the short clock, is decided with
 * a statement of reasons that the (fake) Transparency Database accepts, the affected recipient's complaint reverses it,
 * and the transparency report counts all of it.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class TrustedFlaggerChainTests {

  @Inject
  StatementSubmitter submitter;

  @Test
  void trustedFlaggerNoticeToDecisionStatementSubmissionComplaintReversalAndReport() throws Exception {
    String admin = Login.admin();
    String org = "ngo-" + UUID.randomUUID().toString().substring(0, 8);
    given().auth().oauth2(admin).contentType("application/json").body(Map.of("organisation", org, "name", "Test NGO", "coordinator",
        "Bundesnetzagentur", "expertise", List.of("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH"), "designatedAt", "2026-01-15"))
        .post("/api/v1/trusted-flaggers").then().statusCode(201);
    given().auth().oauth2(admin).contentType("application/json").body(Map.of("organisation", org, "name", "Again", "coordinator", "x",
        "expertise", List.of("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH"), "designatedAt", "2026-01-15")).post("/api/v1/trusted-flaggers")
        .then().statusCode(409);
    given().auth().oauth2(admin).contentType("application/json").body(Map.of("usernameX", 1)).post("/api/v1/trusted-flaggers")
        .then().statusCode(400);
    String flaggerUser = "tf-" + UUID.randomUUID().toString().substring(0, 8);
    given().auth().oauth2(admin).contentType("application/json").body(Map.of("username", flaggerUser, "password", "a-flagger-password",
        "roles", List.of(Roles.TRUSTED_FLAGGER), "organisation", org)).post("/api/v1/users").then().statusCode(201);
    String flagger = (String) Login.tokens(flaggerUser, "a-flagger-password").get("access_token");

    String postUid = "test:" + UUID.randomUUID();
    Instant before = Instant.now();
    JsonPath receipt = given().auth().oauth2(flagger).contentType("application/json").body(NoticeToDecisionTests.notice(postUid))
        .post("/api/v1/notices").then().statusCode(201).body("sourceType", equalTo("SOURCE_TRUSTED_FLAGGER")).extract().jsonPath();
    assertThat(Instant.parse(receipt.getString("decisionDueAt"))).isBefore(before.plus(Duration.ofHours(25)));
    String caseId = receipt.getString("items[0].caseId");
    given().auth().oauth2(flagger).get("/api/v1/notices").then().statusCode(200).body("[0].id", equalTo(receipt.getString("noticeId")));

    String moderator = NoticeToDecisionTests.moderator();
    given().auth().oauth2(moderator).queryParam("trustedFlagger", true).queryParam("size", 100).get("/api/v1/cases").then().statusCode(200)
        .body("items.find { it.id == '" + caseId + "' }.priority", equalTo(70));
    given().auth().oauth2(moderator).post("/api/v1/cases/" + caseId + "/claim").then().statusCode(200);
    JsonPath decision = given().auth().oauth2(moderator).contentType("application/json").body(NoticeToDecisionTests.illegalRemoval())
        .post("/api/v1/cases/" + caseId + "/decisions").then().statusCode(201).body("sourceType", equalTo("SOURCE_TRUSTED_FLAGGER"))
        .extract().jsonPath();

    try (FakeTransparencyDatabase fake = new FakeTransparencyDatabase().start()) {
      submitter.connect(new TransparencyDbClient(fake.baseUrl(), fake.token(), Duration.ofSeconds(5)));
      try {
        submitter.submitDue();
        assertThat(fake.stored()).anyMatch(s -> s.path("puid").asText().equals(decision.getString("statementPuid"))
            && s.path("source_type").asText().equals("SOURCE_TRUSTED_FLAGGER"));
      } finally {
        submitter.connect(null);
      }
    }

    String complaintId = given().contentType("application/json").body(Map.of("decisionId", decision.getString("id"), "token",
        decision.getString("recipientComplaintToken"), "text", "The post quotes a politician in order to criticise him."))
        .post("/api/v1/complaints").then().statusCode(201).extract().path("id");
    given().auth().oauth2(admin).contentType("application/json").body(Map.of("outcome", "reversed", "reason",
        "Read in context the post criticises the quoted statement.")).post("/api/v1/complaints/" + complaintId + "/outcome")
        .then().statusCode(200);

    String today = LocalDate.now(ZoneOffset.UTC).toString();
    JsonPath report = given().auth().oauth2(admin).queryParam("from", today).queryParam("to", today).get("/api/v1/reports/transparency")
        .then().statusCode(200).extract().jsonPath();
    assertThat(report.getInt("sections.'4_notices'.find { it.Category == 'TOTAL' }.'Number of notices received from Trusted flaggers'"))
        .isGreaterThanOrEqualTo(1);
    assertThat(report.getInt("sections.'4_notices'.find { it.Category == 'TOTAL' }."
        + "'Number of actions taken on the basis of the law (Trusted Flagger notices)'")).isGreaterThanOrEqualTo(1);
    given().auth().oauth2(admin).get("/api/v1/trusted-flaggers").then().statusCode(200)
        .body("find { it.organisation == '" + org + "' }.notices", equalTo(1))
        .body("find { it.organisation == '" + org + "' }.shareUpheld", equalTo(1.0f));
    assertThat(report.getInt("sections.'7_appeals_and_recidivism'.find { it.Indicator.startsWith('Complaint regarding a decision to remove')"
        + " && it.Scope == 'Decisions reversed' }.Value")).isGreaterThanOrEqualTo(1);
  }
}
