package org.modsuite.report.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.WithTestResource;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modsuite.events.AnalysisEvent;
import org.modsuite.events.Decision;
import org.modsuite.events.EventJson;
import org.modsuite.events.Topics;
import org.modsuite.localstack.KafkaProbe;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.report.rest.Login;
import org.modsuite.support.security.Roles;

/** posts.analysed → cases in the real PostgreSQL, idempotent on redelivery, with a dead-letter path. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class AnalysisConsumerTests {

  @BeforeEach
  void authenticateAsModerator() {
    if (moderatorToken == null) {
      moderatorToken = Login.newUser("moderator-" + UUID.randomUUID().toString().substring(0, 8), "a-moderator-password", List.of(Roles.MODERATOR));
    }
    RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("Authorization", "Bearer " + moderatorToken).build();
  }

  @AfterEach
  void forgetToken() {
    RestAssured.requestSpecification = null;
  }

  private static String moderatorToken;

  private final KafkaProbe kafka = new KafkaProbe(LocalStackTestResource.shared().bootstrapServers());

  static AnalysisEvent analysis(String postUid, Decision decision, double hate) {
    Instant now = Instant.now();
    return new AnalysisEvent(UUID.randomUUID(), AnalysisEvent.TYPE, AnalysisEvent.SCHEMA_VERSION, now, postUid, 1_000L, "en",
        Map.of("hate", hate, "incitement", 0.0, "dehumanisation", hate, "threat", 0.0, "insult", 0.1), decision, List.of(), null, "m-1", "r-1",
        "p-1", now, 2);
  }

  private static List<String> casePostUids() {
    return given().queryParam("size", 100).get("/api/v1/cases").then().statusCode(200).extract().jsonPath().getList("items.postUid");
  }

  @Test
  void aReviewAnalysisOpensACaseAndARedeliveryOpensNoSecond() {
    String postUid = "test:" + UUID.randomUUID();
    String event = EventJson.write(analysis(postUid, Decision.REVIEW, 0.7));
    kafka.send(Topics.POSTS_ANALYSED, postUid, event);
    kafka.send(Topics.POSTS_ANALYSED, postUid, event);
    kafka.send(Topics.POSTS_ANALYSED, postUid, EventJson.write(analysis(postUid, Decision.REVIEW, 0.7)));

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(casePostUids()).contains(postUid));
    JsonPath page = given().queryParam("size", 100).get("/api/v1/cases").then().extract().jsonPath();
    assertThat(page.getList("items.postUid")).filteredOn(postUid::equals).hasSize(1);
    String id = page.getString("items.find { it.postUid == '" + postUid + "' }.id");
    given().get("/api/v1/cases/" + id).then().statusCode(200)
        .body("summary.state", equalTo("open")).body("summary.suggestedDecision", equalTo("review"))
        .body("summary.topCategory", equalTo("dehumanisation"));
  }

  @Test
  void aNewerVersionUpdatesItsCaseAndALateOlderOneDoesNot() {
    String postUid = "test:" + UUID.randomUUID();
    AnalysisEvent v1 = analysis(postUid, Decision.REVIEW, 0.7);
    AnalysisEvent v2 = new AnalysisEvent(UUID.randomUUID(), v1.eventType(), v1.schemaVersion(), v1.occurredAt(), postUid, 2_000L, "en", v1.scores(),
        Decision.ALLOW, List.of(), null, "m-1", "r-1", "p-1", v1.analysedAt(), 1);
    AnalysisEvent lateV1 = new AnalysisEvent(UUID.randomUUID(), v1.eventType(), v1.schemaVersion(), v1.occurredAt(), postUid, 1_000L, "en",
        v1.scores(), Decision.REMOVE, List.of(), null, "m-2", "r-1", "p-1", v1.analysedAt(), 1);
    // Same key, so one partition: the three arrive in this order, and the case reflects them once the marker has a case.
    kafka.send(Topics.POSTS_ANALYSED, postUid, EventJson.write(v1));
    kafka.send(Topics.POSTS_ANALYSED, postUid, EventJson.write(v2));
    kafka.send(Topics.POSTS_ANALYSED, postUid, EventJson.write(lateV1));
    kafka.send(Topics.POSTS_ANALYSED, postUid, EventJson.write(new AnalysisEvent(UUID.randomUUID(), v1.eventType(), v1.schemaVersion(),
        v1.occurredAt(), postUid, 2_000L, "en", v1.scores(), Decision.ALLOW, List.of(), null, "m-3", "r-1", "p-1", v1.analysedAt(), 1)));

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonPath page = given().queryParam("size", 100).get("/api/v1/cases").then().extract().jsonPath();
      assertThat(page.getString("items.find { it.postUid == '" + postUid + "' }.modelVersion")).isEqualTo("m-3");
    });
    JsonPath page = given().queryParam("size", 100).get("/api/v1/cases").then().extract().jsonPath();
    assertThat(page.getString("items.find { it.postUid == '" + postUid + "' }.suggestedDecision")).isEqualTo("allow");
    assertThat(page.getLong("items.find { it.postUid == '" + postUid + "' }.postVersion")).isEqualTo(2_000L);
  }

  @Test
  void anAllowAnalysisOpensNoCase() {
    String allowed = "test:" + UUID.randomUUID();
    String marker = "test:" + UUID.randomUUID();
    kafka.send(Topics.POSTS_ANALYSED, allowed, EventJson.write(analysis(allowed, Decision.ALLOW, 0.1)));
    kafka.send(Topics.POSTS_ANALYSED, marker, EventJson.write(analysis(marker, Decision.REMOVE, 0.95)));

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(casePostUids()).contains(marker));
    assertThat(casePostUids()).doesNotContain(allowed);
  }

  @Test
  void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordFlows() {
    String poisonKey = "poison-" + UUID.randomUUID();
    String missingPostUid = EventJson.write(analysis("test:x", Decision.REVIEW, 0.7)).replace("\"postUid\":\"test:x\",", "");
    kafka.send(Topics.POSTS_ANALYSED, poisonKey, missingPostUid);
    String next = "test:" + UUID.randomUUID();
    kafka.send(Topics.POSTS_ANALYSED, next, EventJson.write(analysis(next, Decision.REVIEW, 0.8)));

    var dead = kafka.await(Topics.deadLetter(Topics.POSTS_ANALYSED), r -> poisonKey.equals(r.key()), Duration.ofSeconds(30));
    assertThat(KafkaProbe.header(dead, "dead-letter-reason")).contains("postUid");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(casePostUids()).contains(next));
  }

  @Test
  void pagingIsValidatedAndUnknownCasesAre404() {
    given().queryParam("size", 1000).get("/api/v1/cases").then().statusCode(400).contentType("application/problem+json")
        .body("errors.field", hasItem("size"));
    given().get("/api/v1/cases/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    given().get("/api/v1/cases/not-a-uuid").then().statusCode(404);
  }
}
