package org.modsuite.report.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.modsuite.events.ActionEvent;
import org.modsuite.events.ActionType;
import org.modsuite.events.EventJson;
import org.modsuite.events.Topics;
import org.modsuite.localstack.KafkaProbe;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.support.security.Roles;

/** The Art. 16 chain on the real database and broker: notice → case → claim → decision → statement, action, notifier's answer, audit. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class NoticeToDecisionTests {

  private final KafkaProbe kafka = new KafkaProbe(LocalStackTestResource.shared().bootstrapServers());

  static Map<String, Object> notice(String postUid) {
    return Map.of("items", List.of(Map.of("postUid", postUid)), "explanation", "Calls refugees vermin and asks readers to drive them out.",
        "category", "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", "keywords", List.of("KEYWORD_HATE_SPEECH"), "notifierName", "Nora Notifier",
        "notifierEmail", "nora@example.org", "goodFaith", true);
  }

  static Map<String, Object> illegalRemoval() {
    return Map.of("action", "remove", "ground", "DECISION_GROUND_ILLEGAL_CONTENT", "legalGround", "§ 130 StGB (Volksverhetzung)",
        "explanation", "Incites hatred against refugees as a group and calls them vermin.", "category",
        "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", "keywords", List.of("KEYWORD_HATE_SPEECH"), "territorialScope", List.of("DE"));
  }

  static String moderator() {
    return Login.newUser("mod-" + UUID.randomUUID().toString().substring(0, 8), "a-moderator-password", List.of(Roles.MODERATOR));
  }

  @Test
  void aPublicNoticeIsDecidedWithAStatementAnActionAndAnAnswerToTheNotifier() throws Exception {
    String postUid = "test:" + UUID.randomUUID();
    JsonPath receipt = given().contentType("application/json").body(notice(postUid)).post("/api/v1/notices")
        .then().statusCode(201).body("sourceType", equalTo("SOURCE_ARTICLE_16")).body("statusToken", notNullValue())
        .extract().jsonPath();
    String noticeId = receipt.getString("noticeId");
    String token = receipt.getString("statusToken");
    String caseId = receipt.getString("items[0].caseId");
    given().queryParam("token", token).get("/api/v1/notices/" + noticeId + "/status").then().statusCode(200).body("state", equalTo("received"));
    given().queryParam("token", "wrong").get("/api/v1/notices/" + noticeId + "/status").then().statusCode(404);

    String moderator = moderator();
    String other = moderator();
    given().auth().oauth2(moderator).get("/api/v1/cases/" + caseId).then().statusCode(200)
        .body("summary.source", equalTo("notice")).body("notices[0].id", equalTo(noticeId)).body("summary.decisionDueAt", notNullValue());
    given().auth().oauth2(moderator).contentType("application/json").body(illegalRemoval()).post("/api/v1/cases/" + caseId + "/decisions")
        .then().statusCode(409);
    given().auth().oauth2(moderator).post("/api/v1/cases/" + caseId + "/claim").then().statusCode(200);
    given().auth().oauth2(other).post("/api/v1/cases/" + caseId + "/claim").then().statusCode(409).contentType("application/problem+json");

    Map<String, Object> noLegalGround = new java.util.HashMap<>(illegalRemoval());
    noLegalGround.remove("legalGround");
    given().auth().oauth2(moderator).contentType("application/json").body(noLegalGround).post("/api/v1/cases/" + caseId + "/decisions")
        .then().statusCode(400).body("errors.field", hasItems("legalGround"));

    JsonPath decision = given().auth().oauth2(moderator).contentType("application/json").body(illegalRemoval())
        .post("/api/v1/cases/" + caseId + "/decisions").then().statusCode(201)
        .body("statementPuid", notNullValue()).body("automatedDecision", equalTo("AUTOMATED_DECISION_NOT_AUTOMATED"))
        .body("sourceType", equalTo("SOURCE_ARTICLE_16")).extract().jsonPath();
    given().auth().oauth2(moderator).contentType("application/json").body(illegalRemoval()).post("/api/v1/cases/" + caseId + "/decisions")
        .then().statusCode(409);

    given().auth().oauth2(moderator).get("/api/v1/cases/" + caseId).then().statusCode(200)
        .body("deadlines.find { it.kind == 'notifier_informed' }.metAt", notNullValue())
        .body("deadlines.find { it.kind == 'receipt' }.metAt", notNullValue());
    given().auth().oauth2(moderator).get("/api/v1/decisions/" + decision.getString("id")).then().statusCode(200)
        .body("statementPuid", equalTo(decision.getString("statementPuid"))).body("recipientComplaintToken", org.hamcrest.Matchers.nullValue());

    var record = kafka.await(Topics.MODERATION_ACTIONS, r -> postUid.equals(r.key()), Duration.ofSeconds(30));
    ActionEvent action = EventJson.read(record.value(), ActionEvent.class);
    assertThat(action.action()).isEqualTo(ActionType.REMOVE);
    assertThat(action.decisionId()).isEqualTo(decision.getString("id"));
    assertThat(action.ground()).isEqualTo("§ 130 StGB (Volksverhetzung)");

    given().queryParam("token", token).get("/api/v1/notices/" + noticeId + "/status").then().statusCode(200)
        .body("state", equalTo("decided")).body("outcome", equalTo("restricted")).body("automatedProcessing", equalTo(false))
        .body("redress.complaintUrl", notNullValue());
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      try (Stream<Path> mail = Files.list(Path.of("target/mail"))) {
        assertThat(mail.map(p -> read(p)).filter(m -> m.contains(noticeId)).toList()).anyMatch(m -> m.contains("Decision on your notice"));
      }
    });
    given().auth().oauth2(Login.admin()).get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
  }

  @Test
  void theAffectedRecipientComplainsAndAnotherModeratorReversesTheRemoval() {
    String postUid = "test:" + UUID.randomUUID();
    JsonPath receipt = given().contentType("application/json").body(notice(postUid)).post("/api/v1/notices").then().statusCode(201)
        .extract().jsonPath();
    String caseId = receipt.getString("items[0].caseId");
    String decider = moderator();
    given().auth().oauth2(decider).post("/api/v1/cases/" + caseId + "/claim").then().statusCode(200);
    JsonPath decision = given().auth().oauth2(decider).contentType("application/json").body(illegalRemoval())
        .post("/api/v1/cases/" + caseId + "/decisions").then().statusCode(201).extract().jsonPath();
    String decisionId = decision.getString("id");

    given().contentType("application/json").body(Map.of("decisionId", decisionId, "token", "not-the-token", "text", "My post was satire."))
        .post("/api/v1/complaints").then().statusCode(403);
    JsonPath complaint = given().contentType("application/json").body(Map.of("decisionId", decisionId, "token",
        decision.getString("recipientComplaintToken"), "text", "My post quoted the slur to condemn it.", "email", "author@example.org"))
        .post("/api/v1/complaints").then().statusCode(201).body("complainantType", equalTo("affected_recipient"))
        .extract().jsonPath();
    String complaintId = complaint.getString("id");
    assertThat(complaint.getString("assignedTo")).isNotEqualTo(decision.getString("decidedBy"));

    Map<String, Object> reversal = Map.of("outcome", "reversed", "reason", "The post condemns the slur it quotes; it is counter-speech.");
    given().auth().oauth2(decider).contentType("application/json").body(reversal).post("/api/v1/complaints/" + complaintId + "/outcome")
        .then().statusCode(409);
    given().auth().oauth2(Login.admin()).contentType("application/json").body(Map.of("outcome", "nonsense", "reason", "x"))
        .post("/api/v1/complaints/" + complaintId + "/outcome").then().statusCode(400).body("errors.field", hasItems("outcome"));
    given().auth().oauth2(Login.admin()).contentType("application/json").body(reversal).post("/api/v1/complaints/" + complaintId + "/outcome")
        .then().statusCode(200).body("outcome", equalTo("reversed"));

    var restore = kafka.await(Topics.MODERATION_ACTIONS, r -> postUid.equals(r.key()) && r.value().contains("\"restore\""), Duration.ofSeconds(30));
    assertThat(EventJson.read(restore.value(), ActionEvent.class).action()).isEqualTo(ActionType.RESTORE);
    given().queryParam("token", complaint.getString("statusToken")).get("/api/v1/complaints/" + complaintId + "/status").then().statusCode(200)
        .body("state", equalTo("decided")).body("outcome", equalTo("reversed"));
    given().auth().oauth2(decider).get("/api/v1/cases/" + caseId).then().statusCode(200)
        .body("decisions.size()", equalTo(2)).body("decisions[1].action", equalTo("restore")).body("decisions[1].supersedes", equalTo(decisionId))
        .body("complaints.size()", equalTo(1)).body("complaints[0].outcome", equalTo("reversed"));
    given().contentType("application/json").body(Map.of("decisionId", decisionId, "token", decision.getString("recipientComplaintToken"),
        "text", "Complaining again about the old decision.")).post("/api/v1/complaints").then().statusCode(409);
  }

  @Test
  void aNoticeMissingItsElementsIsRefusedNamingEachOne() {
    given().contentType("application/json").body(Map.of("goodFaith", false)).post("/api/v1/notices")
        .then().statusCode(400).contentType("application/problem+json")
        .body("errors.field", hasItems("items", "explanation", "category", "notifierName", "notifierEmail", "goodFaith"));
    given().contentType("application/json").body(Map.of("items", List.of(Map.of("url", "ftp://x")), "explanation", "short",
        "category", "STATEMENT_CATEGORY_NOPE", "keywords", List.of("KEYWORD_NOPE"), "notifierEmail", "not-an-address", "goodFaith", true))
        .post("/api/v1/notices").then().statusCode(400)
        .body("errors.field", hasItems("items[0].url", "explanation", "category", "keywords[0]", "notifierEmail"));
    given().contentType("application/json").body("{not json").post("/api/v1/notices").then().statusCode(400);
  }

  @Test
  void aSecondNoticeOnTheSameItemIsLinkedToTheSameCase() {
    String postUid = "test:" + UUID.randomUUID();
    String first = given().contentType("application/json").body(notice(postUid)).post("/api/v1/notices").then().statusCode(201)
        .extract().path("items[0].caseId");
    given().contentType("application/json").body(notice(postUid)).post("/api/v1/notices").then().statusCode(201)
        .body("items[0].caseId", equalTo(first)).body("items[0].duplicate", equalTo(true));
    given().auth().oauth2(moderator()).get("/api/v1/cases/" + first).then().statusCode(200).body("summary.noticeCount", equalTo(2))
        .body("notices.size()", equalTo(2));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
