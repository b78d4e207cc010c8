package org.modsuite.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modsuite.events.EventJson;
import org.modsuite.events.PostEvent;
import org.modsuite.events.PostOp;
import org.modsuite.events.Topics;
import org.modsuite.localstack.KafkaProbe;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.localstack.TestTokens;
import org.modsuite.support.security.Roles;

/** POST /api/v1/posts against the real broker of local-stack. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class PostResourceTests {

  @BeforeEach
  void authenticateAsService() {
    RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("Authorization", "Bearer " + TestTokens.token(Roles.SERVICE)).build();
  }

  @AfterEach
  void forgetToken() {
    RestAssured.requestSpecification = null;
  }

  private final KafkaProbe kafka = new KafkaProbe(LocalStackTestResource.shared().bootstrapServers());

  private static String post(String sourceId, String text) {
    return """
        {"platform":"mastodon","sourceId":"%s","url":"https://social.example/@alice/1","authorId":"@alice@social.example",
         "text":"%s","language":"en","createdAt":"2026-11-20T10:00:00Z","sourceName":"mastodon-public"}""".formatted(sourceId, text);
  }

  @Test
  void publishesACanonicalPostKeyedByPostUidWithAPseudonymisedAuthor() {
    String sourceId = "https://social.example/users/alice/statuses/" + UUID.randomUUID();
    given().contentType(ContentType.JSON).body(post(sourceId, "Hello &amp; welcome"))
        .when().post("/api/v1/posts")
        .then().statusCode(202).body("accepted", equalTo(1)).body("items[0].status", equalTo("accepted"));

    ConsumerRecord<String, String> record = kafka.await(Topics.POSTS_INGESTED, r -> ("mastodon:" + sourceId).equals(r.key()), Duration.ofSeconds(30));
    PostEvent event = EventJson.read(record.value(), PostEvent.class);
    assertThat(event.postUid()).isEqualTo("mastodon:" + sourceId);
    assertThat(event.op()).isEqualTo(PostOp.CREATE);
    assertThat(event.authorId()).startsWith("a1:").doesNotContain("alice");
    assertThat(record.value()).doesNotContain("alice@social.example");
  }

  @Test
  void theSamePostPushedTwiceIsPublishedOnce() {
    String sourceId = "dup-" + UUID.randomUUID();
    given().contentType(ContentType.JSON).body(post(sourceId, "once")).post("/api/v1/posts").then().statusCode(202);
    given().contentType(ContentType.JSON).body("[" + post(sourceId, "once") + "]")
        .when().post("/api/v1/posts")
        .then().statusCode(202).body("accepted", equalTo(0)).body("duplicates", equalTo(1)).body("items[0].status", equalTo("duplicate"));

    assertThat(kafka.collect(Topics.POSTS_INGESTED, r -> ("mastodon:" + sourceId).equals(r.key()), 2, Duration.ofSeconds(5))).hasSize(1);
  }

  @Test
  void anInvalidPostInABatchIsA400NamingTheFieldAndNothingIsPublished() {
    String goodId = "batch-" + UUID.randomUUID();
    String bad = post("x", "bad date").replace("\"2026-11-20T10:00:00Z\"", "\"yesterday\"");
    given().contentType(ContentType.JSON).body("[" + post(goodId, "fine") + "," + bad + "]")
        .when().post("/api/v1/posts")
        .then().statusCode(400).contentType("application/problem+json")
        .body("status", equalTo(400)).body("errors.field", contains("[1].createdAt"));

    assertThat(kafka.collect(Topics.POSTS_INGESTED, r -> ("mastodon:" + goodId).equals(r.key()), 1, Duration.ofSeconds(3))).isEmpty();
  }

  @Test
  void missingAndMalformedFieldsAreNamed() {
    given().contentType(ContentType.JSON).body("{\"platform\":\"Mastodon!\",\"text\":\"hi\",\"language\":\"english\"}")
        .when().post("/api/v1/posts")
        .then().statusCode(400).contentType("application/problem+json")
        .body("errors.field", hasItem("platform")).body("errors.field", hasItem("sourceId"))
        .body("errors.field", hasItem("createdAt")).body("errors.field", hasItem("language"));
  }

  @Test
  void scalarsOfTheWrongTypeAndUnstorableTextAreNotCoerced() {
    String id = UUID.randomUUID().toString();
    for (String[] bad : new String[][] {
        {post(id, "hi").replace("\"platform\":\"mastodon\"", "\"platform\":true"), "platform"},
        {post(id, "hi").replace("\"text\":\"hi\"", "\"text\":12345"), "text"},
        {post("\\u0000nul", "hi"), "sourceId"},
        {post(id, "a\\u0000b"), "text"}}) {
      given().contentType(ContentType.JSON).body(bad[0]).when().post("/api/v1/posts")
          .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(bad[1]));
    }
    assertThat(kafka.collect(Topics.POSTS_INGESTED, r -> r.key().contains(id) || r.key().contains("nul"), 1, Duration.ofSeconds(3))).isEmpty();
  }

  @TestHTTPResource("/api/v1/posts")
  URI posts;

  @Test
  void aPostWithoutContentTypeIsA415() throws Exception {
    // java.net.http, because RestAssured adds a Content-Type of its own.
    var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(posts)
        .header("Authorization", "Bearer " + TestTokens.token(Roles.SERVICE))
        .POST(HttpRequest.BodyPublishers.ofString(post(UUID.randomUUID().toString(), "hi"))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void unreadableJsonIsA400() {
    given().contentType(ContentType.JSON).body("{\"platform\": ")
        .when().post("/api/v1/posts")
        .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
  }

  @Test
  void healthAndMetricsNeedNoToken() {
    RestAssured.requestSpecification = null;
    given().get("/q/health/ready").then().statusCode(200);
    given().get("/q/health/started").then().statusCode(200);
    given().get("/q/metrics").then().statusCode(200);
    given().get("/q/openapi").then().statusCode(200);
  }
}
