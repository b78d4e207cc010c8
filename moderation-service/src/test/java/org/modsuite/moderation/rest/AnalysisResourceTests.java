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

  @Test
  void tooManyItemsAnInvalidLanguageTagAndInvalidUtf8AreProblemDetails() {
    String item = "{\"id\":\"a\",\"text\":\"hello there\"}";
    given().contentType(ContentType.JSON).body("{\"items\":[" + String.join(",", java.util.Collections.nCopies(257, item)) + "]}")
        .when().post("/api/v1/analyses")
        .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("items"));
    given().contentType(ContentType.JSON).body("{\"items\":[{\"id\":\"a\",\"text\":\"hi\",\"lang\":\"??\"}]}")
        .when().post("/api/v1/analyses")
        .then().statusCode(400).body("errors.field", hasItem("items[0].lang"));
    byte[] prefix = "{\"items\":[{\"id\":\"a\",\"text\":\"bad ".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] suffix = "\"}]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] body = new byte[prefix.length + 2 + suffix.length];
    System.arraycopy(prefix, 0, body, 0, prefix.length);
    body[prefix.length] = (byte) 0xC3; // a lead byte followed by one that cannot continue it
    body[prefix.length + 1] = (byte) 0x28;
    System.arraycopy(suffix, 0, body, prefix.length + 2, suffix.length);
    given().contentType("application/json").body(body)
        .when().post("/api/v1/analyses")
        .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("body"));
  }

  @Test
  void aLanguageWithoutModelCarriesAnUnsupportedReasonAndThePolicyDecides() {
    given().contentType(ContentType.JSON).body("{\"items\":["
        + "{\"id\":\"es-hate\",\"text\":\"Los inmigrantes son ratas, hay que echarlos a todos.\",\"lang\":\"es\"},"
        + "{\"id\":\"es-neutral\",\"text\":\"Mañana vamos a la playa con mi hermana.\",\"lang\":\"es\"},"
        + "{\"id\":\"it\",\"text\":\"Domani andiamo al mare con mia sorella.\",\"lang\":\"it\"}]}")
        .when().post("/api/v1/analyses")
        .then().statusCode(200)
        .body("results.decision", contains("review", "allow", "allow"))
        .body("results[0].reasons[0].kind", equalTo("language")).body("results[0].reasons[0].id", equalTo("language.unsupported"))
        .body("results[1].reasons[0].id", equalTo("language.unsupported")).body("results[2].reasons[0].id", equalTo("language.unsupported"))
        .body("results[0].reasons[0].description", org.hamcrest.Matchers.containsString("Spanish (es)"))
        .body("results[0].reasons[0].description", org.hamcrest.Matchers.containsString("es.target.migrants"))
        .body("results[0].reasons[0].spans.size()", org.hamcrest.Matchers.greaterThan(0))
        .body("results[2].reasons[0].description", org.hamcrest.Matchers.containsString("Italian (it) has no model, rules or lexicon"))
        .body("results[0].warnings[0]", org.hamcrest.Matchers.containsString("has no model"));
  }

  @Test
  void anUnsupportedLanguageIsIdentifiedWhenNotGiven() {
    given().contentType(ContentType.JSON).body("{\"items\":[{\"id\":\"ru\",\"text\":\"Эти мигранты — паразиты, их надо выгнать из нашей страны.\"}]}")
        .when().post("/api/v1/analyses")
        .then().statusCode(200).body("results[0].language", equalTo("ru")).body("results[0].decision", equalTo("review"))
        .body("results[0].reasons[0].id", equalTo("language.unsupported"))
        .body("results[0].reasons[0].description", org.hamcrest.Matchers.containsString("Russian (ru)"));
  }

  @Test
  void frenchAndArabicHaveModelsAndNoUnsupportedReason() {
    given().contentType(ContentType.JSON).body("{\"items\":[{\"id\":\"fr\",\"text\":\"merci beaucoup\",\"lang\":\"fr\"},"
        + "{\"id\":\"ar\",\"text\":\"شكرا جزيلا\",\"lang\":\"ar\"}]}")
        .when().post("/api/v1/analyses")
        .then().statusCode(200).body("results.decision", contains("allow", "allow"))
        .body("results[0].reasons.id", org.hamcrest.Matchers.not(hasItem("language.unsupported")))
        .body("results[1].reasons.id", org.hamcrest.Matchers.not(hasItem("language.unsupported")));
  }

  @Test
  void explainShowsEveryEntryThatFiredTheClassifierAndThePolicyPerCategory() {
    given().contentType(ContentType.JSON).queryParam("explain", true)
        .body("{\"items\":[{\"id\":\"a\",\"text\":\"The police say refugees were called vermin\",\"lang\":\"en\"}]}")
        .when().post("/api/v1/analyses")
        .then().statusCode(200)
        .body("results[0].explanation.lexicon.id", org.hamcrest.Matchers.hasItems("en.dehum.vermin", "en.context.counter"))
        .body("results[0].explanation.lexicon.find { it.id == 'en.dehum.vermin' }.factors", hasItem("condemning or reporting context"))
        .body("results[0].explanation.classifier.probability", notNullValue())
        .body("results[0].explanation.categories.dehumanisation.remove", notNullValue())
        .body("results[0].explanation.categories.dehumanisation.outcome", notNullValue())
        .body("results[0].explanation.policyDecision", notNullValue())
        .body("results[0].explanation.bankMatches", notNullValue());
    given().contentType(ContentType.JSON).body("{\"items\":[{\"id\":\"a\",\"text\":\"hello\",\"lang\":\"en\"}]}")
        .when().post("/api/v1/analyses")
        .then().statusCode(200).body("results[0].explanation", org.hamcrest.Matchers.nullValue());
  }
}
