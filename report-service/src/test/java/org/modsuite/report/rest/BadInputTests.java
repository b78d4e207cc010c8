package org.modsuite.report.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.support.security.Roles;

/** The hostile inputs of issue #14 that once gave a 500 or an empty answer: each is a problem document now. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class BadInputTests {

  private static ValidatableResponse problem(ValidatableResponse response, int status) {
    return response.statusCode(status).contentType("application/problem+json");
  }

  @Test
  void fourConcurrentCreatesOfOneUserGiveOne201AndThree409s() throws Exception {
    String admin = Login.admin();
    String name = "race-" + UUID.randomUUID().toString().substring(0, 8);
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<io.restassured.response.Response>> calls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      calls.add(CompletableFuture.supplyAsync(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return given().auth().oauth2(admin).contentType("application/json")
            .body(Map.of("username", name, "password", "a-racing-password", "roles", List.of(Roles.MODERATOR))).post("/api/v1/users");
      }));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (var call : calls) {
      io.restassured.response.Response response = call.get();
      statuses.add(response.statusCode());
      if (response.statusCode() == 409) {
        problem(response.then(), 409).body("errors.field", hasItem("username"));
      }
    }
    assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409, 409);
  }

  @Test
  void hugeFormFieldsAreA400NamingTheField() {
    problem(given().contentType("application/x-www-form-urlencoded").formParam("username", "u".repeat(100_000)).formParam("password", "x")
        .post("/api/v1/auth/token").then(), 400).body("errors[0].field", equalTo("username"));
    for (String path : List.of("/login", "/logout")) {
      problem(given().contentType("application/x-www-form-urlencoded").formParam("csrf", "c".repeat(200_000)).post(path).then(), 400)
          .body("errors[0].field", equalTo("csrf"));
    }
  }

  @Test
  void nulInAPathParameterOrAFieldIsA400NamingIt() {
    String admin = Login.admin();
    problem(given().auth().oauth2(admin).urlEncodingEnabled(false).get("/api/v1/statements/%00").then(), 400)
        .body("errors[0].field", equalTo("puid"));
    problem(given().auth().oauth2(admin).urlEncodingEnabled(false).post("/api/v1/statements/a%00b/retry").then(), 400)
        .body("errors[0].field", equalTo("puid"));
    Map<String, Object> notice = new HashMap<>(NoticeToDecisionTests.notice("fuzz:" + UUID.randomUUID()));
    notice.put("notifierName", "a\u0000b");
    problem(given().contentType("application/json").body(notice).post("/api/v1/notices").then(), 400)
        .body("errors[0].field", equalTo("notifierName"));
  }

  @Test
  void wrongJsonTypesAndDeepNestingAreA400NamingTheField() {
    Map<String, Object> notice = new HashMap<>(NoticeToDecisionTests.notice("fuzz:" + UUID.randomUUID()));
    notice.put("goodFaith", List.of(1));
    problem(given().contentType("application/json").body(notice).post("/api/v1/notices").then(), 400)
        .body("errors[0].field", equalTo("goodFaith"));
    notice.put("goodFaith", true);
    notice.put("items", "x");
    problem(given().contentType("application/json").body(notice).post("/api/v1/notices").then(), 400)
        .body("errors[0].field", equalTo("items"));
    problem(given().contentType("application/json").body("[".repeat(5_000) + "]".repeat(5_000)).post("/api/v1/notices").then(), 400)
        .body("errors[0].field", equalTo("body"));
  }

  @Test
  void tooLargeTooLongAndUntypedRequestsAreProblems() {
    problem(given().contentType("application/json").body("{\"explanation\":\"" + "x".repeat(2_000_000) + "\"}").post("/api/v1/notices").then(), 413);
    problem(given().get("/api/v1/notices/" + "x".repeat(10_000) + "/status").then(), 414);
    problem(given().contentType("text/plain").body("{}").post("/api/v1/notices").then(), 415);
  }
}
