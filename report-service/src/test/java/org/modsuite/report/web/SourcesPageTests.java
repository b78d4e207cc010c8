package org.modsuite.report.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.report.rest.Login;
import org.modsuite.support.security.Roles;

/** The admin's sources overview against a stand-in ingestion-service: the table, the service token, and "unreachable" instead of a 500. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class SourcesPageTests {

  @Test
  void showsEachSourceReadWithAShortLivedServiceToken() throws Exception {
    try (FakeIngestion ingestion = FakeIngestion.start(200, FakeIngestion.sampleSources())) {
      given().cookie("modsuite_session", Login.admin()).get("/admin/sources").then().statusCode(200)
          .body(allOf(containsString("mastodon-social"), containsString("backing_off"), containsString("transient: HTTP 503"),
              containsString("12 min"), containsString("2 h 35 min"), containsString("154"), not(containsString("cannot be reached"))));
      String token = ingestion.lastAuthorization.get();
      assertThat(token).startsWith("Bearer ");
      JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.substring(7).split("\\.")[1]));
      assertThat(claims.get("sub").asText()).isEqualTo("report-service");
      assertThat(claims.get("iss").asText()).isEqualTo("modsuite");
      assertThat(claims.get("groups")).hasSize(1);
      assertThat(claims.get("groups").get(0).asText()).isEqualTo(Roles.SERVICE);
      assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isLessThanOrEqualTo(60);
    }
  }

  @Test
  void saysSoWhenIngestionIsDownOrFails() throws Exception {
    // Nothing listens on the test profile's ingestion address.
    given().cookie("modsuite_session", Login.admin()).get("/admin/sources").then().statusCode(200)
        .body(containsString("cannot be reached at http://127.0.0.1:18089"));
    try (FakeIngestion ingestion = FakeIngestion.start(500, List.of())) {
      given().cookie("modsuite_session", Login.admin()).get("/admin/sources").then().statusCode(200)
          .body(containsString("cannot be reached"));
    }
    try (FakeIngestion ingestion = FakeIngestion.start(200, List.of())) {
      given().cookie("modsuite_session", Login.admin()).get("/admin/sources").then().statusCode(200)
          .body(containsString("No sources are configured"));
    }
  }

  @Test
  void onlyAdminsSeeTheSources() {
    String moderator = Login.newUser("mod-" + UUID.randomUUID().toString().substring(0, 8), "a-moderator-password", List.of(Roles.MODERATOR));
    given().cookie("modsuite_session", moderator).get("/admin/sources").then().statusCode(403);
    given().redirects().follow(false).get("/admin/sources").then().statusCode(303);
  }
}
