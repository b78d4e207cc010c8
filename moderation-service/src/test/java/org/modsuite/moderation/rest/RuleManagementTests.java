package org.modsuite.moderation.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.moderation.repository.RuleRepository;
import org.modsuite.moderation.service.PolicyRevision;
import org.modsuite.moderation.service.RuleBook;
import org.modsuite.moderation.service.RuleSetRevision;
import org.modsuite.moderation.service.rules.Rule;
import org.modsuite.support.security.Roles;

/**
 * Rule and policy management on the real broker: a rule that does not compile or fails its examples is refused
 * naming it; a shadow rule is reported but changes no decision, and counts what it would have changed; activated, it
 * decides, and analyses carry the new version; versions are kept; a restarted replica reads the edits back from
 * moderation.rules; the policy is replaced at run time.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@ExtendWith(AsAdmin.class)
class RuleManagementTests {

  private static final String RULE = "en.test.group-will-be-zorblaxed";
  private static final String POST = "Refugees will be zorblaxed tomorrow";
  /** Creates what must not exist yet. */
  private static final Header CREATE = new Header("If-None-Match", "*");
  /** Replaces whatever is current. */
  private static final Header ANY = new Header("If-Match", "*");

  @Inject
  ObjectMapper json;

  @Inject
  RuleBook rules;

  @Test
  void aShadowRuleIsReportedThenDecidesOnceActiveAndSurvivesARestart() throws Exception {
    int versionsBefore = given().get("/api/v1/rules/en/versions").then().statusCode(200).extract().jsonPath().getList("$").size();
    String before = analyse().getString("results[0].decision");
    assertThat(before).isNotEqualTo("remove");

    // A lexicon, then a rule using it, in shadow.
    given().contentType(ContentType.JSON).header(CREATE).body("[\"zorblax\\\\w*\"]").put("/api/v1/rules/en/lexicons/ZORBLAX").then().statusCode(200);
    var created = given().contentType(ContentType.JSON).header(CREATE).body(rule("$GROUP []{0,3} $ZORBLAX", "shadow"))
        .put("/api/v1/rules/en/rules/" + RULE)
        .then().statusCode(200).body("current", equalTo(true)).extract();
    String shadowVersion = created.path("version");
    String ruleTag = created.header("ETag");
    assertThat(shadowVersion).startsWith("rules-en-");
    given().get("/api/v1/rules/en").then().statusCode(200).body("version", equalTo(shadowVersion));

    JsonPath shadowed = analyse();
    assertThat(shadowed.getString("results[0].decision")).isEqualTo(before);
    assertThat(shadowed.getString("results[0].rulesVersion")).isEqualTo(shadowVersion);
    List<Map<String, Object>> fired = shadowed.getList("results[0].explanation.rules");
    assertThat(fired).anySatisfy(f -> {
      assertThat(f.get("id")).isEqualTo(RULE);
      assertThat(f.get("shadow")).isEqualTo(true);
    });
    assertThat(shadowed.getList("results[0].reasons.id", String.class)).doesNotContain(RULE);

    JsonPath report = given().get("/api/v1/rules/en/shadow").then().statusCode(200).extract().jsonPath();
    assertThat(report.getList("ruleId", String.class)).contains(RULE);
    Map<String, Object> tally = report.getMap("find { it.ruleId == '" + RULE + "' }");
    assertThat(((Number) tally.get("evaluated")).longValue()).isGreaterThanOrEqualTo(1);
    assertThat(((Number) tally.get("matched")).longValue()).isGreaterThanOrEqualTo(1);
    assertThat(((Number) tally.get("wouldChange")).longValue()).isGreaterThanOrEqualTo(1);

    // Activated: it removes, and analyses carry the new version.
    String activeVersion = given().contentType(ContentType.JSON).header("If-Match", ruleTag).body("{\"state\":\"active\"}")
        .put("/api/v1/rules/en/rules/" + RULE + "/state")
        .then().statusCode(200).extract().path("version");
    assertThat(activeVersion).isNotEqualTo(shadowVersion);
    JsonPath active = analyse();
    assertThat(active.getString("results[0].decision")).isEqualTo("remove");
    assertThat(active.getString("results[0].rulesVersion")).isEqualTo(activeVersion);
    assertThat(active.getList("results[0].reasons.id", String.class)).contains(RULE);

    // Versions kept, with who changed them.
    JsonPath versions = given().get("/api/v1/rules/en/versions").then().statusCode(200).extract().jsonPath();
    assertThat(versions.getList("version", String.class)).hasSize(versionsBefore + 3).contains(shadowVersion, activeVersion);
    given().get("/api/v1/rules/en/versions/" + shadowVersion).then().statusCode(200)
        .body("ruleSet.version", equalTo(shadowVersion)).body("changedBy", equalTo("test-" + Roles.ADMIN));

    // A restarted replica reads the edited set back from moderation.rules, and would adopt it (same shipped file).
    List<RuleSetRevision> read = new ArrayList<>();
    RuleRepository fresh = new RuleRepository(LocalStackTestResource.shared().bootstrapServers(), Duration.ofSeconds(30), Duration.ofSeconds(30),
        json, new RuleRepository.Listener() {
          @Override
          public void rules(RuleSetRevision revision) {
            read.add(revision);
          }

          @Override
          public void policy(PolicyRevision revision) {
          }
        });
    try {
      RuleSetRevision current = fresh.current("en").orElseThrow();
      assertThat(current.version()).isEqualTo(activeVersion);
      assertThat(current.ruleSet().rules()).anySatisfy(r -> {
        assertThat(r.id()).isEqualTo(RULE);
        assertThat(r.state()).isEqualTo(Rule.ACTIVE);
      });
      assertThat(current.ruleSet().lexicons()).containsKey("ZORBLAX");
      assertThat(current.base()).isEqualTo(rules.bundled("en").base());
      assertThat(read.get(read.size() - 1).version()).isEqualTo(activeVersion);
      assertThat(fresh.versions("en")).extracting(RuleSetRevision::version).contains(shadowVersion, activeVersion);
    } finally {
      fresh.close();
    }
  }

  @Test
  void aRuleThatDoesNotCompileOrFailsItsExamplesIsRefusedNamingIt() {
    String current = given().get("/api/v1/rules/en").then().extract().path("version");
    given().contentType(ContentType.JSON).header(CREATE).body(rule("$GROUP (/are", "active")).put("/api/v1/rules/en/rules/en.test.broken")
        .then().statusCode(422).contentType("application/problem+json")
        .body("errors.field", hasItem("rules[en.test.broken]"));
    given().contentType(ContentType.JSON).header(CREATE).body(rule("/zorblax\\\\w*/", "active").replace("The machine zorblaxed", "The machine zorblaxes"))
        .put("/api/v1/rules/en/rules/en.test.too-wide")
        .then().statusCode(422).body("errors.field", hasItem("rules[en.test.too-wide]"))
        .body("errors.message", hasItem(org.hamcrest.Matchers.containsString("which it must not")));
    given().contentType(ContentType.JSON).header(CREATE).body("[\"(unbalanced\"]").put("/api/v1/rules/en/lexicons/BROKEN")
        .then().statusCode(422).body("errors.field", hasItem("lexicons.BROKEN"));
    // Nothing was installed.
    given().get("/api/v1/rules/en").then().body("version", equalTo(current));
  }

  @Test
  void badRequestsAreAnsweredWithProblemsNamingTheField() {
    given().contentType(ContentType.JSON).header(CREATE).body(rule("/x/", "active").replace("\"pattern\"", "\"pattren\"")).put("/api/v1/rules/en/rules/en.test.typo")
        .then().statusCode(400).body("errors.field", hasItem("pattren"));
    given().contentType(ContentType.JSON).header(ANY).body("{\"rules\":[{\"id\":\"en.x\"}]}").put("/api/v1/rules/en")
        .then().statusCode(400).body("errors.field", hasItem("rules[0].kind"));
    given().contentType(ContentType.JSON).header(ANY).body("{\"state\":\"sleeping\"}").put("/api/v1/rules/en/rules/en.target.group/state")
        .then().statusCode(400).body("errors.field", hasItem("state"));
    given().contentType(ContentType.JSON).header(ANY).body("{\"state\":\"shadow\"}").put("/api/v1/rules/en/rules/en.no.such-rule/state").then().statusCode(404);
    given().get("/api/v1/rules/fr").then().statusCode(404).contentType("application/problem+json");
    given().contentType(ContentType.JSON).header(ANY).body("{\"rules\": [").put("/api/v1/rules/en").then().statusCode(400).body("errors.field", hasItem("body"));
  }

  @Test
  void thePolicyIsReplacedAtRunTimeAndValidatedAsAtStart() {
    var read = given().get("/api/v1/policy").then().statusCode(200).extract();
    String shipped = read.asString();
    given().contentType(ContentType.JSON).header(ANY).body("{\"default\":{\"review\":0.9,\"remove\":0.5}}").put("/api/v1/policy")
        .then().statusCode(422).body("errors.field", hasItem("policy"));
    given().contentType(ContentType.JSON).header(ANY).body("{\"default\":{\"review\":0.5,\"remove\":0.9},\"treshold\":1}").put("/api/v1/policy")
        .then().statusCode(400).body("errors.field", hasItem("treshold"));

    // Everything goes to review, nothing is removed.
    String strict = given().contentType(ContentType.JSON).header("If-Match", read.header("ETag"))
        .body("{\"description\":\"test\",\"default\":{\"review\":0.0,\"remove\":1.0}}")
        .put("/api/v1/policy").then().statusCode(200).extract().path("version");
    assertThat(strict).startsWith("policy-");
    JsonPath analysed = given().contentType(ContentType.JSON).body("{\"items\":[{\"id\":\"a\",\"text\":\"Die Bahn ist heute pünktlich\",\"lang\":\"de\"}]}")
        .post("/api/v1/analyses").then().statusCode(200).extract().jsonPath();
    assertThat(analysed.getString("results[0].policyVersion")).isEqualTo(strict);
    assertThat(analysed.getString("results[0].decision")).isEqualTo("review");
    given().get("/api/v1/policy/versions").then().statusCode(200).body("version", hasItem(strict));

    // Back to the shipped thresholds, for the other tests of this JVM.
    given().contentType(ContentType.JSON).header(ANY).body(shipped).put("/api/v1/policy").then().statusCode(200);
  }

  private static JsonPath analyse() {
    return given().contentType(ContentType.JSON).queryParam("explain", true)
        .body("{\"items\":[{\"id\":\"a\",\"text\":\"" + POST + "\",\"lang\":\"en\"}]}")
        .post("/api/v1/analyses").then().statusCode(200).extract().jsonPath();
  }

  /** A threat rule with its own examples, as JSON; {@code pattern} is a JSON string's content. */
  private static String rule(String pattern, String state) {
    return """
        {"description":"test: says a protected group will be zorblaxed","kind":"attack","category":"threat","engine":"tokensregex",
         "pattern":"%s","weight":0.95,"targeted":true,"state":"%s",
         "examples":{"match":["Refugees will be zorblaxed soon."],"noMatch":["The machine zorblaxed the data."]}}""".formatted(pattern, state);
  }
}
