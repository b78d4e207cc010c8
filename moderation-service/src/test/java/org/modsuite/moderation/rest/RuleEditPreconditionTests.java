package org.modsuite.moderation.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.moderation.repository.RuleRepository;
import org.modsuite.moderation.service.ContentVersions;
import org.modsuite.moderation.service.EditPrecondition;
import org.modsuite.moderation.service.PolicyRevision;
import org.modsuite.moderation.service.RuleBook;
import org.modsuite.moderation.service.RuleSetRevision;
import org.modsuite.moderation.service.rules.RuleSet;

/**
 * Optimistic concurrency of rule and policy edits on the real broker: every GET carries the version as ETag, an edit
 * needs If-Match (or If-None-Match: * to create), a stale one is a 412 problem naming the current version, also when
 * the change that made it stale came from another replica through moderation.rules.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@ExtendWith(AsAdmin.class)
class RuleEditPreconditionTests {

  private static final String RULE = "en.test.group-will-be-quuxed";

  @Inject
  ObjectMapper json;

  @Inject
  RuleBook rules;

  @Test
  void aRuleIsCreatedOnceAndEditedOnlyFromItsCurrentVersion() {
    // Created with If-None-Match: *; the answer's ETag is the rule's version, as a GET gives it.
    given().contentType(ContentType.JSON).header("If-None-Match", "*").body("[\"quux\\\\w*\"]").put("/api/v1/rules/en/lexicons/QUUX")
        .then().statusCode(200);
    String created = given().contentType(ContentType.JSON).header("If-None-Match", "*").body(rule("shadow"))
        .put("/api/v1/rules/en/rules/" + RULE).then().statusCode(200).extract().header("ETag");
    ExtractableResponse<Response> read = given().get("/api/v1/rules/en/rules/" + RULE).then().statusCode(200)
        .body("id", equalTo(RULE)).body("state", equalTo("shadow")).extract();
    assertThat(read.header("ETag")).isEqualTo(created).matches("\"[0-9a-f]{8}\"");

    // Creating it again, or editing a rule that does not exist, fails the precondition.
    given().contentType(ContentType.JSON).header("If-None-Match", "*").body(rule("shadow")).put("/api/v1/rules/en/rules/" + RULE)
        .then().statusCode(412).contentType("application/problem+json").header("ETag", created)
        .body("type", equalTo(EditPrecondition.MISMATCH)).body("detail", containsString("already exists"));
    given().contentType(ContentType.JSON).header("If-Match", created).body(rule("shadow")).put("/api/v1/rules/en/rules/en.test.not-there")
        .then().statusCode(412).body("detail", containsString("does not exist"));

    // Admin A activates it from the version read; admin B, still holding that version, is refused, told the current one.
    String activated = given().contentType(ContentType.JSON).header("If-Match", created).body("{\"state\":\"active\"}")
        .put("/api/v1/rules/en/rules/" + RULE + "/state").then().statusCode(200).extract().header("ETag");
    assertThat(activated).isNotEqualTo(created);
    String current = activated.replace("\"", "");
    given().contentType(ContentType.JSON).header("If-Match", created).body(rule("shadow")).put("/api/v1/rules/en/rules/" + RULE)
        .then().statusCode(412).contentType("application/problem+json").header("ETag", activated)
        .body("status", equalTo(412)).body("title", equalTo("Precondition Failed"))
        .body("detail", containsString("is at version " + current)).body("instance", equalTo("/api/v1/rules/en/rules/" + RULE));
    given().contentType(ContentType.JSON).header("If-Match", created).body("{\"state\":\"shadow\"}").put("/api/v1/rules/en/rules/" + RULE + "/state")
        .then().statusCode(412).header("ETag", activated);
    given().get("/api/v1/rules/en/rules/" + RULE).then().body("state", equalTo("active"));

    // A list of tags, one of them current, matches; a weak tag never does.
    given().contentType(ContentType.JSON).header("If-Match", "\"00000000\", " + activated).body("{\"state\":\"shadow\"}")
        .put("/api/v1/rules/en/rules/" + RULE + "/state").then().statusCode(200);
    String shadowAgain = given().get("/api/v1/rules/en/rules/" + RULE).then().extract().header("ETag");
    given().contentType(ContentType.JSON).header("If-Match", "W/" + shadowAgain).body("{\"state\":\"active\"}")
        .put("/api/v1/rules/en/rules/" + RULE + "/state").then().statusCode(412);

    // Without a precondition: 428, before the body is checked (a body that is no JSON at all is a 400 first).
    given().contentType(ContentType.JSON).body("{\"state\":\"active\"}").put("/api/v1/rules/en/rules/" + RULE + "/state")
        .then().statusCode(428).contentType("application/problem+json").body("type", equalTo(EditPrecondition.REQUIRED))
        .body("detail", containsString("If-Match"));
    given().contentType(ContentType.JSON).body("{\"pattren\":1}").put("/api/v1/rules/en").then().statusCode(428);
    given().contentType(ContentType.JSON).header("If-None-Match", "\"x\"").body("[\"a\"]").put("/api/v1/rules/en/lexicons/QUUX")
        .then().statusCode(400).body("errors[0].field", equalTo("If-None-Match"));
  }

  @Test
  void aLexiconAndThePolicyCarryTheirVersionAsETag() {
    ExtractableResponse<Response> lexicon = given().get("/api/v1/rules/en/lexicons/GROUP").then().statusCode(200).extract();
    String tag = lexicon.header("ETag");
    assertThat(tag).isEqualTo(EditPrecondition.quoted(ContentVersions.lexicon(lexicon.jsonPath().getList("$", String.class))));
    given().get("/api/v1/rules/en/lexicons/NO_SUCH").then().statusCode(404).contentType("application/problem+json");
    given().contentType(ContentType.JSON).header("If-Match", "\"0badf00d\"").body(lexicon.asString()).put("/api/v1/rules/en/lexicons/GROUP")
        .then().statusCode(412).header("ETag", tag).body("detail", containsString("lexicon GROUP is at version " + tag.replace("\"", "")));
    // The same entries written back: the content, and so the tag, is unchanged.
    given().contentType(ContentType.JSON).header("If-Match", tag).body(lexicon.asString()).put("/api/v1/rules/en/lexicons/GROUP")
        .then().statusCode(200).header("ETag", tag);

    ExtractableResponse<Response> policy = given().get("/api/v1/policy").then().statusCode(200).extract();
    String policyTag = policy.header("ETag");
    assertThat(policyTag).isEqualTo("\"" + policy.path("version") + "\"");
    given().contentType(ContentType.JSON).header("If-Match", "\"policy-1999.01.01-00000000\"").body(policy.asString()).put("/api/v1/policy")
        .then().statusCode(412).header("ETag", policyTag).body("detail", containsString("the policy is at version " + policy.path("version")));
    given().contentType(ContentType.JSON).body(policy.asString()).put("/api/v1/policy").then().statusCode(428);
  }

  @Test
  void aChangeWrittenByAnotherReplicaMakesThisReplicaRefuseTheOldVersion() throws Exception {
    ExtractableResponse<Response> read = given().get("/api/v1/rules/de").then().statusCode(200).extract();
    String before = read.path("version");
    assertThat(read.header("ETag")).isEqualTo("\"" + before + "\"");

    // Another replica stores an edit of the German rules in moderation.rules, as its RuleManagement would.
    RuleSet current = rules.current("de");
    RuleSet edited = new RuleSet(null, "de", current.description() + " (edited on replica b)", current.noTargetFactor(), current.lexicons(), current.rules());
    Instant now = Instant.now();
    RuleSet versioned = edited.withVersion(ContentVersions.version("rules-de", edited, now));
    RuleRepository replicaB = new RuleRepository(LocalStackTestResource.shared().bootstrapServers(), Duration.ofSeconds(30), Duration.ofSeconds(30),
        json, new RuleRepository.Listener() {
          @Override
          public void rules(RuleSetRevision revision) {
          }

          @Override
          public void policy(PolicyRevision revision) {
          }
        });
    try {
      replicaB.save(new RuleSetRevision("de", versioned.version(), "replica-b-admin", now, rules.bundled("de").base(), versioned));
    } finally {
      replicaB.close();
    }

    // At once, without waiting for this replica to follow the topic: an edit reads the topic to its end before it checks,
    // so one based on the version read before is refused, naming the version replica b wrote.
    given().contentType(ContentType.JSON).header("If-Match", read.header("ETag")).body(read.asString()).put("/api/v1/rules/de")
        .then().statusCode(412).header("ETag", "\"" + versioned.version() + "\"")
        .body("detail", containsString("rules de is at version " + versioned.version() + ", not " + before));
    given().get("/api/v1/rules/de").then().body("version", equalTo(versioned.version()));
    // Based on the new version, the edit goes through (back to the shipped content).
    given().contentType(ContentType.JSON).header("If-Match", "\"" + versioned.version() + "\"").body(read.asString()).put("/api/v1/rules/de")
        .then().statusCode(200).body("current", equalTo(true));
  }

  private static String rule(String state) {
    return """
        {"description":"test: says a protected group will be quuxed","kind":"attack","category":"threat","engine":"tokensregex",
         "pattern":"$GROUP []{0,3} $QUUX","weight":0.95,"targeted":true,"state":"%s",
         "examples":{"match":["Refugees will be quuxed soon."],"noMatch":["The machine quuxed the data."]}}""".formatted(state);
  }
}
