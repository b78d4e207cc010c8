package org.modsuite.report.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.support.security.Roles;

/** Login, lockout, refresh rotation, API keys, user administration and the audit trail, on the real database. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class AuthResourceTests {

  private static String name(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static int login(String username, String password) {
    return given().contentType("application/x-www-form-urlencoded").formParam("username", username).formParam("password", password)
        .post("/api/v1/auth/token").then().extract().statusCode();
  }

  @Test
  void aLoggedInUserGetsATokenWithItsRolesThatTheApiAccepts() {
    Map<String, Object> tokens = Login.tokens("admin", Login.ADMIN_PASSWORD);
    assertThat(tokens).containsKeys("access_token", "refresh_token").containsEntry("token_type", "Bearer");
    given().auth().oauth2((String) tokens.get("access_token")).get("/api/v1/users").then().statusCode(200)
        .body("username", hasItem("admin"));
    given().get("/.well-known/jwks.json").then().statusCode(200).body("keys[0].kty", equalTo("RSA")).body("keys[0].kid", notNullValue());
  }

  @Test
  void fiveWrongPasswordsLockTheAccountAndEveryAttemptIsAudited() {
    String user = name("lockme");
    Login.newUser(user, "the-right-password", List.of(Roles.MODERATOR));
    for (int i = 0; i < 5; i++) {
      assertThat(login(user, "a-wrong-password")).isEqualTo(401);
    }
    assertThat(login(user, "the-right-password")).isEqualTo(401);

    JsonPath audit = given().auth().oauth2(Login.admin()).queryParam("size", 500).get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
    List<Map<String, Object>> mine = audit.getList("findAll { it.actor == '" + user + "' && it.action == 'login' }");
    assertThat(mine).extracting(e -> e.get("outcome")).contains("wrong password", "wrong password, account locked", "locked");
    assertThat(mine).allSatisfy(e -> assertThat(e.get("client")).isNotNull());
  }

  @Test
  void anAdminResetUnlocksAndAWrongNameAnswersLikeAWrongPassword() {
    String user = name("reset");
    Login.newUser(user, "the-first-password", List.of(Roles.COMPLIANCE));
    for (int i = 0; i < 5; i++) {
      login(user, "wrong-password-x");
    }
    String id = given().auth().oauth2(Login.admin()).get("/api/v1/users").then().extract().jsonPath()
        .getString("find { it.username == '" + user + "' }.id");
    String password = given().auth().oauth2(Login.admin()).post("/api/v1/users/" + id + "/password-reset").then().statusCode(200)
        .extract().path("password");
    assertThat(login(user, password)).isEqualTo(200);
    assertThat(login(name("nobody"), "whatever-password")).isEqualTo(401);
  }

  @Test
  void aRefreshTokenWorksOnceAndADisabledUserGetsNoToken() {
    String user = name("refresh");
    Login.newUser(user, "a-refresh-password", List.of(Roles.MODERATOR));
    String refresh = (String) Login.tokens(user, "a-refresh-password").get("refresh_token");
    String next = given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "refresh_token").formParam("refresh_token", refresh)
        .post("/api/v1/auth/token").then().statusCode(200).extract().path("refresh_token");
    assertThat(next).isNotEqualTo(refresh);
    given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "refresh_token").formParam("refresh_token", refresh)
        .post("/api/v1/auth/token").then().statusCode(401).contentType("application/problem+json");

    String id = given().auth().oauth2(Login.admin()).get("/api/v1/users").then().extract().jsonPath()
        .getString("find { it.username == '" + user + "' }.id");
    given().auth().oauth2(Login.admin()).contentType("application/json").body(Map.of("disabled", true)).patch("/api/v1/users/" + id)
        .then().statusCode(200).body("disabled", equalTo(true));
    assertThat(login(user, "a-refresh-password")).isEqualTo(401);
    given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "refresh_token").formParam("refresh_token", next)
        .post("/api/v1/auth/token").then().statusCode(401);
  }

  @Test
  void anApiKeyIsShownOnceExchangedForATokenOfItsRolesAndRevocable() {
    String admin = Login.admin();
    Map<String, Object> created = given().auth().oauth2(admin).contentType("application/json")
        .body(Map.of("name", name("platform-push"), "roles", List.of(Roles.SERVICE)))
        .post("/api/v1/api-keys").then().statusCode(201).extract().jsonPath().getMap("");
    String key = (String) created.get("key");
    assertThat(key).startsWith("msk_");
    String id = (String) ((Map<?, ?>) created.get("apiKey")).get("id");
    given().auth().oauth2(admin).get("/api/v1/api-keys").then().statusCode(200).body("find { it.id == '" + id + "' }.key", org.hamcrest.Matchers.nullValue());

    String token = given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "api_key").formParam("api_key", key)
        .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
    given().auth().oauth2(token).get("/api/v1/cases").then().statusCode(403);

    given().auth().oauth2(admin).delete("/api/v1/api-keys/" + id).then().statusCode(204);
    given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "api_key").formParam("api_key", key)
        .post("/api/v1/auth/token").then().statusCode(401);
  }

  @Test
  void invalidRequestsNameTheField() {
    given().contentType("application/x-www-form-urlencoded").formParam("username", "admin")
        .post("/api/v1/auth/token").then().statusCode(400).body("errors[0].field", equalTo("password"));
    given().auth().oauth2(Login.admin()).contentType("application/json")
        .body(Map.of("username", name("flagger"), "password", "a-long-enough-password", "roles", List.of(Roles.TRUSTED_FLAGGER)))
        .post("/api/v1/users").then().statusCode(400).body("errors[0].field", equalTo("organisation"));
    given().auth().oauth2(Login.admin()).contentType("application/json")
        .body(Map.of("username", "Bad Name", "password", "short", "roles", List.of("superuser")))
        .post("/api/v1/users").then().statusCode(400).body("errors.field", hasItem("username")).body("errors.field", hasItem("password"));
  }
}
