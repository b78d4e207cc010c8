package org.modsuite.report.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.modsuite.events.ActionEvent;
import org.modsuite.events.ActionType;
import org.modsuite.events.AnalysisEvent;
import org.modsuite.events.Decision;
import org.modsuite.events.EventJson;
import org.modsuite.events.Topics;
import org.modsuite.localstack.KafkaProbe;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.report.rest.Login;
import org.modsuite.support.security.Roles;

/** A policy removal is recorded as fully automated with its statement and takedown, and stays in the queue for human review. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class AutomatedRemovalTests {

  private final KafkaProbe kafka = new KafkaProbe(LocalStackTestResource.shared().bootstrapServers());

  @Test
  void anAutomatedRemovalIsTakenDownAndAModeratorCanReverseIt() {
    String postUid = "test:" + UUID.randomUUID();
    kafka.send(Topics.POSTS_ANALYSED, postUid, EventJson.write(AnalysisConsumerTests.analysis(postUid, Decision.REMOVE, 0.97)));

    var removal = EventJson.read(kafka.await(Topics.MODERATION_ACTIONS, r -> postUid.equals(r.key()), Duration.ofSeconds(30)).value(),
        ActionEvent.class);
    assertThat(removal.action()).isEqualTo(ActionType.REMOVE);
    assertThat(removal.automated()).isTrue();

    String moderator = Login.newUser("mod-" + UUID.randomUUID().toString().substring(0, 8), "a-moderator-password", java.util.List.of(Roles.MODERATOR));
    String caseId = given().auth().oauth2(moderator).queryParam("state", "auto_actioned").queryParam("size", 100).get("/api/v1/cases")
        .then().statusCode(200).extract().path("items.find { it.postUid == '" + postUid + "' }.id");
    JsonPath detail = given().auth().oauth2(moderator).get("/api/v1/cases/" + caseId).then().statusCode(200)
        .body("summary.state", equalTo("auto_actioned")).body("summary.severe", equalTo(true))
        .body("decisions[0].automatedDecision", equalTo("AUTOMATED_DECISION_FULLY")).extract().jsonPath();
    assertThat(detail.getString("decisions[0].decidedBy")).startsWith("policy:");

    given().auth().oauth2(moderator).post("/api/v1/cases/" + caseId + "/claim").then().statusCode(200);
    given().auth().oauth2(moderator).contentType("application/json")
        .body(Map.of("action", "no_action", "explanation", "Reported speech: a news report quoting the slur, not endorsing it."))
        .post("/api/v1/cases/" + caseId + "/decisions").then().statusCode(201).body("action", equalTo("restore"))
        .body("humanReviewOf", equalTo(detail.getString("decisions[0].id")));

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kafka.collect(Topics.MODERATION_ACTIONS,
        r -> postUid.equals(r.key()), 2, Duration.ofSeconds(5))).anyMatch(r -> r.value().contains("\"restore\"")));
    given().auth().oauth2(moderator).get("/api/v1/cases/" + caseId).then().body("summary.state", equalTo("decided"));
  }

  @Test
  void aCaseFoundEquivalentToAnEarlierRemovalPointsToItsCase() {
    String original = "test:" + UUID.randomUUID();
    kafka.send(Topics.POSTS_ANALYSED, original, EventJson.write(AnalysisConsumerTests.analysis(original, Decision.REMOVE, 0.97)));
    ActionEvent removal = EventJson.read(kafka.await(Topics.MODERATION_ACTIONS, r -> original.equals(r.key()), Duration.ofSeconds(30)).value(),
        ActionEvent.class);
    String decisionId = removal.decisionId();

    String copy = "test:" + UUID.randomUUID();
    AnalysisEvent a = AnalysisConsumerTests.analysis(copy, Decision.REMOVE, 0.97);
    AnalysisEvent equivalent = new AnalysisEvent(a.eventId(), a.eventType(), a.schemaVersion(), a.occurredAt(), copy, a.postVersion(), a.language(),
        a.scores(), a.decision(), a.reasons(), decisionId, a.modelVersion(), a.rulesVersion(), a.policyVersion(), a.analysedAt(), a.latencyMs());
    kafka.send(Topics.POSTS_ANALYSED, copy, EventJson.write(equivalent));
    String copyCase = EventJson.read(kafka.await(Topics.MODERATION_ACTIONS, r -> copy.equals(r.key()), Duration.ofSeconds(30)).value(),
        ActionEvent.class).caseId();

    String moderator = Login.newUser("mod-" + UUID.randomUUID().toString().substring(0, 8), "a-moderator-password", java.util.List.of(Roles.MODERATOR));
    given().auth().oauth2(moderator).get("/api/v1/cases/" + copyCase).then().statusCode(200)
        .body("summary.equivalentTo", equalTo(decisionId)).body("equivalentCaseId", equalTo(removal.caseId()));
  }
}
