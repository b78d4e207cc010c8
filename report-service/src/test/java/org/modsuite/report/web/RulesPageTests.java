package org.modsuite.report.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.report.rest.Login;
import org.modsuite.support.security.Roles;

/** The admin's rules and policy page against a stand-in moderation-service: versions, shadow counts, the token, and "unreachable" instead of a 500. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class RulesPageTests {

  @Test
  void showsVersionsHistoryAndShadowRulesReadWithAShortLivedReadOnlyToken() throws Exception {
    try (FakeModeration moderation = FakeModeration.start(200, FakeModeration.sample())) {
      String page = given().cookie("modsuite_session", Login.admin()).get("/admin/rules").then().statusCode(200)
          .body(allOf(containsString("rules-en-2026.11.22-3f9a01c2"), containsString("alice"), containsString("bundled"),
              containsString("en.threat.group-will-be-deported"), containsString("<td>1200</td><td>14</td><td>9</td>"),
              containsString("rules-de-2026.11.1"), containsString("No shadow rules in the current set."),
              containsString("policy-2026.11.22-0badcafe"), containsString("policy-2026.11.2"), containsString("bob"),
              containsString("PUT /api/v1/policy"), not(containsString("cannot be reached"))))
          .extract().asString();
      // Newest first: the edited English set above the shipped file.
      assertThat(page.indexOf("alice")).isLessThan(page.lastIndexOf("rules-en-2026.11.1<"));
      String token = moderation.lastAuthorization.get();
      assertThat(token).startsWith("Bearer ");
      JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.substring(7).split("\\.")[1]));
      assertThat(claims.get("sub").asText()).isEqualTo("report-service");
      assertThat(claims.get("groups")).hasSize(1);
      assertThat(claims.get("groups").get(0).asText()).isEqualTo(Roles.COMPLIANCE);
      assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isLessThanOrEqualTo(60);
    }
  }

  @Test
  void germanAdminsReadItInGerman() throws Exception {
    try (FakeModeration moderation = FakeModeration.start(200, FakeModeration.sample())) {
      given().cookie("modsuite_session", Login.admin()).header("Accept-Language", "de").get("/admin/rules").then().statusCode(200)
          .body(allOf(containsString("Regeln und Richtlinie"), containsString("Schattenregeln"), containsString("Würde ändern")));
    }
  }

  @Test
  void saysSoWhenModerationIsDownFailsOrAnswersOnlyInPart() throws Exception {
    // Nothing listens on the test profile's moderation address.
    given().cookie("modsuite_session", Login.admin()).get("/admin/rules").then().statusCode(200)
        .body(containsString("cannot be reached at http://127.0.0.1:18092"));
    try (FakeModeration moderation = FakeModeration.start(500, Map.of())) {
      given().cookie("modsuite_session", Login.admin()).get("/admin/rules").then().statusCode(200)
          .body(containsString("cannot be reached"));
    }
    Map<String, Object> noShadow = new HashMap<>(FakeModeration.sample());
    noShadow.remove("/api/v1/rules/de/shadow");
    try (FakeModeration moderation = FakeModeration.start(200, noShadow)) {
      given().cookie("modsuite_session", Login.admin()).get("/admin/rules").then().statusCode(200)
          .body(containsString("cannot be reached"));
    }
    try (FakeModeration moderation = FakeModeration.start(200, Map.of("/api/v1/rules", Map.of(),
        "/api/v1/policy", Map.of("version", "policy-2026.11.2"), "/api/v1/policy/versions", List.of()))) {
      given().cookie("modsuite_session", Login.admin()).get("/admin/rules").then().statusCode(200)
          .body(allOf(containsString("moderation-service has no rules."), containsString("policy-2026.11.2")));
    }
  }

  @Test
  void onlyAdminsSeeTheRulesAndTheAdminPageLinksThem() {
    given().cookie("modsuite_session", Login.admin()).get("/admin").then().statusCode(200).body(containsString("href=\"/admin/rules\""));
    String moderator = Login.newUser("mod-" + UUID.randomUUID().toString().substring(0, 8), "a-moderator-password", List.of(Roles.MODERATOR));
    given().cookie("modsuite_session", moderator).get("/admin/rules").then().statusCode(403);
    given().redirects().follow(false).get("/admin/rules").then().statusCode(303);
  }
}
