package org.modsuite.moderation.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.moderation.repository.ShadowCountRepository;
import org.modsuite.moderation.service.ShadowCount;
import org.modsuite.moderation.service.ShadowRules;

/**
 * Shadow counts summed over replicas on the real broker: the service counts and publishes its own to
 * moderation.shadow-counts, a second replica publishes there too, and the shadow report shows the sum; a restarted
 * replica reads both back; once the rule leaves shadow the counts are deleted, so that it starts from zero.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@ExtendWith(AsAdmin.class)
class ShadowCountTests {

  private static final String RULE = "en.test.group-will-be-frobbed";
  private static final String POST = "Refugees will be frobbed tomorrow";

  @Inject
  ObjectMapper json;

  @Inject
  ShadowRules shadowRules;

  @Test
  void theReportSumsEveryReplicasCountsWhichSurviveARestartAndResetWhenTheRuleLeavesShadow() throws Exception {
    given().contentType(ContentType.JSON).header("If-None-Match", "*").body("[\"frob\\\\w*\"]").put("/api/v1/rules/en/lexicons/FROB").then().statusCode(200);
    String tag = given().contentType(ContentType.JSON).header("If-None-Match", "*").body(RULE_JSON).put("/api/v1/rules/en/rules/" + RULE)
        .then().statusCode(200).extract().header("ETag");
    String version = tag.replace("\"", "");
    for (int i = 0; i < 3; i++) {
      analyse();
    }
    Map<String, Object> own = report();
    assertThat(number(own, "evaluated")).isGreaterThanOrEqualTo(3);
    assertThat(number(own, "matched")).isEqualTo(3);
    assertThat(number(own, "wouldChange")).isEqualTo(3);
    assertThat(number(own, "replicas")).isEqualTo(1);

    ShadowCountRepository replicaB = new ShadowCountRepository(LocalStackTestResource.shared().bootstrapServers(), Duration.ofSeconds(30), json);
    try {
      // This replica's counts reach the topic within the publish interval: a restarted replica would read them back.
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(replicaB.get(ShadowCount.keyOf(shadowRules.replica(), "en", RULE, version)))
          .hasValueSatisfying(c -> assertThat(c.matched()).isEqualTo(3)));

      // Replica b publishes its own counts of the same rule version, and one of an older version, which is not summed.
      Instant since = Instant.parse("2026-11-01T00:00:00Z");
      replicaB.save(new ShadowCount("replica-b", "en", RULE, version, since, 1000, 40, 7, Instant.now())).get();
      replicaB.save(new ShadowCount("replica-b", "en", RULE, "0ldversn", since, 5000, 500, 50, Instant.now())).get();
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        Map<String, Object> summed = report();
        assertThat(number(summed, "evaluated")).isEqualTo(number(own, "evaluated") + 1000);
        assertThat(number(summed, "matched")).isEqualTo(3 + 40);
        assertThat(number(summed, "wouldChange")).isEqualTo(3 + 7);
        assertThat(number(summed, "replicas")).isEqualTo(2);
        assertThat(summed.get("since")).isEqualTo("2026-11-01T00:00:00Z");
      });
      // The older version is deleted from the topic by the service's next publication.
      await().atMost(Duration.ofSeconds(20)).until(() -> replicaB.of("en", RULE, "0ldversn").isEmpty());

      // A restarted replica (a fresh reader) sees both replicas' counts.
      ShadowCountRepository restarted = new ShadowCountRepository(LocalStackTestResource.shared().bootstrapServers(), Duration.ofSeconds(30), json);
      try {
        assertThat(restarted.of("en", RULE, version)).extracting(ShadowCount::replica).containsExactlyInAnyOrder(shadowRules.replica(), "replica-b");
        assertThat(restarted.of("en", RULE, version).stream().mapToLong(ShadowCount::matched).sum()).isEqualTo(43);
      } finally {
        restarted.close();
      }

      // Active: the rule's counts are deleted, every replica's; back in shadow (the same version), it starts from zero.
      String active = given().contentType(ContentType.JSON).header("If-Match", tag).body("{\"state\":\"active\"}")
          .put("/api/v1/rules/en/rules/" + RULE + "/state").then().statusCode(200).extract().header("ETag");
      await().atMost(Duration.ofSeconds(20)).until(() -> replicaB.of("en", RULE, version).isEmpty());
      given().contentType(ContentType.JSON).header("If-Match", active).body("{\"state\":\"shadow\"}")
          .put("/api/v1/rules/en/rules/" + RULE + "/state").then().statusCode(200);
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        Map<String, Object> fresh = report();
        assertThat(number(fresh, "evaluated")).isZero();
        assertThat(number(fresh, "replicas")).isZero();
        assertThat(fresh.get("since")).isNull();
      });
    } finally {
      replicaB.close();
    }
  }

  private static Map<String, Object> report() {
    return given().get("/api/v1/rules/en/shadow").then().statusCode(200).extract().jsonPath().getMap("find { it.ruleId == '" + RULE + "' }");
  }

  private static long number(Map<String, Object> report, String field) {
    return ((Number) report.get(field)).longValue();
  }

  private static void analyse() {
    given().contentType(ContentType.JSON).body("{\"items\":[{\"id\":\"a\",\"text\":\"" + POST + "\",\"lang\":\"en\"}]}")
        .post("/api/v1/analyses").then().statusCode(200);
  }

  private static final String RULE_JSON = """
      {"description":"test: says a protected group will be frobbed","kind":"attack","category":"threat","engine":"tokensregex",
       "pattern":"$GROUP []{0,3} $FROB","weight":0.95,"targeted":true,"state":"shadow",
       "examples":{"match":["Refugees will be frobbed soon."],"noMatch":["The machine frobbed the data."]}}""";
}
