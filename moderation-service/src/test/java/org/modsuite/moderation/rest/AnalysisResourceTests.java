package org.modsuite.moderation.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.localstack.TestTokens;
import org.modsuite.support.security.Roles;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class AnalysisResourceTests {

  @BeforeEach
  void authenticateAsModerator() {
    RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("Authorization", "Bearer " + TestTokens.token(Roles.MODERATOR)).build();
  }

  @AfterEach
  void forgetToken() {
    RestAssured.requestSpecification = null;
  }

  @Test
  void analysesItemsInRequestOrderWithVersions() {
    given().contentType(ContentType.JSON)
        .body("{\"items\":[{\"id\":\"a\",\"text\":\"Refugees are vermin\",\"lang\":\"en\"},{\"id\":\"b\",\"text\":\"Die Bahn ist heute pünktlich\"}]}")
        .when().post("/api/v1/analyses")
        .then().statusCode(200)
        .body("results.id", contains("a", "b"))
        .body("results[0].decision", equalTo("remove"))
        .body("results[1].decision", equalTo("allow"))
        .body("results[1].language", equalTo("de"))
        .body("results[0].scores.hate", notNullValue())
        .body("results[0].modelVersion", notNullValue()).body("results[0].rulesVersion", notNullValue())
        .body("results[0].policyVersion", notNullValue());
  }

  @Test
  void aTextOfUnknownLanguageIsScoredByBothModels() {
    given().contentType(ContentType.JSON).body("{\"items\":[{\"id\":\"x\",\"text\":\"ok 👍\"},{\"id\":\"y\",\"text\":\"merci beaucoup\",\"lang\":\"fr\"}]}")
        .when().post("/api/v1/analyses")
        .then().statusCode(200).body("results.decision", contains("allow", "allow"));
  }

  @Test
  void invalidRequestsNameTheField() {
    given().contentType(ContentType.JSON).body("{\"items\":[]}")
        .when().post("/api/v1/analyses")
        .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("items"));
    given().contentType(ContentType.JSON).body("{\"items\":[{\"id\":\"a\"}]}")
        .when().post("/api/v1/analyses")
        .then().statusCode(400).body("errors.field", hasItem("items[0].text"));
    given().contentType(ContentType.JSON).body("{\"items\":[{\"id\":\"a\",\"text\":\"   \"},{\"id\":\"b\",\"text\":\"" + "x".repeat(70_000) + "\"}]}")
        .when().post("/api/v1/analyses")
        .then().statusCode(400).body("errors.field", hasItem("items[0].text")).body("errors.field", hasItem("items[1].text"));
  }
}
