package org.modsuite.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.localstack.TestTokens;
import org.modsuite.support.security.Roles;

/** /api/v1/sources on ingestion's own database in local-stack's PostgreSQL. Sources here are paused: nothing polls them. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class SourceResourceTests {

  @Inject
  @DataSource("ingestion")
  AgroalDataSource db;

  private static String admin() {
    return "Bearer " + TestTokens.token(Roles.ADMIN);
  }

  private static String source(String id, String secret) {
    return """
        {"id":"%s","type":"mastodon","settings":{"instance":"https://social.example","hashtag":"sprachcafe"},
         "intervalSeconds":60,"secret":"%s","paused":true}""".formatted(id, secret);
  }

  @Test
  void createGetUpdatePauseResumeDelete() {
    String id = "src-" + UUID.randomUUID().toString().substring(0, 8);
    given().header("Authorization", admin()).contentType(ContentType.JSON).body(source(id, "token-" + id))
        .when().post("/api/v1/sources")
        .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/v1/sources/" + id))
        .body("id", equalTo(id)).body("type", equalTo("mastodon")).body("hasSecret", equalTo(true)).body("state", equalTo("paused"))
        .body("secret", nullValue()).body("settings.hashtag", equalTo("sprachcafe"));

    given().header("Authorization", "Bearer " + TestTokens.token(Roles.MODERATOR)).get("/api/v1/sources/" + id)
        .then().statusCode(200).body("paused", equalTo(true)).body("postsLastHour", equalTo(0)).body("lastSuccessAt", nullValue());
    given().header("Authorization", "Bearer " + TestTokens.token(Roles.COMPLIANCE)).get("/api/v1/sources")
        .then().statusCode(200).body("id", hasItem(id));

    String changed = source(id, "").replace("sprachcafe", "nachbarschaft").replace(",\"secret\":\"\"", "");
    given().header("Authorization", admin()).contentType(ContentType.JSON).body(changed)
        .when().put("/api/v1/sources/" + id)
        .then().statusCode(200).body("settings.hashtag", equalTo("nachbarschaft")).body("hasSecret", equalTo(true));

    given().header("Authorization", admin()).post("/api/v1/sources/" + id + "/resume").then().statusCode(200).body("paused", equalTo(false));
    given().header("Authorization", admin()).post("/api/v1/sources/" + id + "/pause").then().statusCode(200).body("paused", equalTo(true))
        .body("state", equalTo("paused"));

    given().header("Authorization", admin()).delete("/api/v1/sources/" + id).then().statusCode(204);
    given().header("Authorization", admin()).get("/api/v1/sources/" + id).then().statusCode(404).contentType("application/problem+json");
  }

  @Test
  void theSecretIsWriteOnlyAndEncryptedAtRest() throws Exception {
    String id = "sec-" + UUID.randomUUID().toString().substring(0, 8);
    String token = "plain-token-" + UUID.randomUUID();
    given().header("Authorization", admin()).contentType(ContentType.JSON).body(source(id, token)).post("/api/v1/sources").then().statusCode(201);
    String view = given().header("Authorization", admin()).get("/api/v1/sources/" + id).then().statusCode(200).extract().asString();
    assertThat(view).doesNotContain(token);

    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT secret_cipher, settings::text FROM source WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        byte[] sealed = rs.getBytes(1);
        assertThat(sealed).hasSizeGreaterThan(12 + 16);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(token);
        assertThat(rs.getString(2)).doesNotContain(token);
      }
    }
  }

  @Test
  void invalidSourcesAre400sNamingTheFieldAndADuplicateIdIs409() {
    given().header("Authorization", admin()).contentType(ContentType.JSON)
        .body("{\"id\":\"Bad Id\",\"type\":\"mastodon\",\"settings\":{\"instance\":\"ftp://x\",\"limit\":\"99\",\"colour\":\"red\"},\"intervalSeconds\":1}")
        .when().post("/api/v1/sources")
        .then().statusCode(400).contentType("application/problem+json")
        .body("errors.field", hasItem("id")).body("errors.field", hasItem("settings.instance")).body("errors.field", hasItem("settings.limit"))
        .body("errors.field", hasItem("settings.colour")).body("errors.field", hasItem("intervalSeconds"));
    given().header("Authorization", admin()).contentType(ContentType.JSON).body("{\"id\":\"x\",\"type\":\"myspace\",\"intervalSeconds\":60}")
        .post("/api/v1/sources").then().statusCode(400).body("errors.field", hasItem("type"));
    given().header("Authorization", admin()).contentType(ContentType.JSON).body("{\"id\":\"w\",\"type\":\"webhook\",\"intervalSeconds\":60}")
        .post("/api/v1/sources").then().statusCode(400).body("errors.field", hasItem("secret"));
    given().header("Authorization", admin()).contentType(ContentType.JSON).body("{\"id\":").post("/api/v1/sources").then().statusCode(400);

    String id = "dup-" + UUID.randomUUID().toString().substring(0, 8);
    given().header("Authorization", admin()).contentType(ContentType.JSON).body(source(id, "t")).post("/api/v1/sources").then().statusCode(201);
    given().header("Authorization", admin()).contentType(ContentType.JSON).body(source(id, "t")).post("/api/v1/sources").then().statusCode(409)
        .contentType("application/problem+json");
  }

  @Test
  void testingAnUnreachableConfigurationReportsTheErrorAndStoresNothing() {
    given().header("Authorization", admin()).contentType(ContentType.JSON)
        .body("{\"type\":\"mastodon\",\"settings\":{\"instance\":\"http://127.0.0.1:9\"},\"intervalSeconds\":60}")
        .when().post("/api/v1/sources/test")
        .then().statusCode(200).body("ok", equalTo(false)).body("error", org.hamcrest.Matchers.startsWith("transient"))
        .body("error", not(org.hamcrest.Matchers.containsString("Bearer")));
  }
}
