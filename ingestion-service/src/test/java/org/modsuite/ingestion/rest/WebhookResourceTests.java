package org.modsuite.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modsuite.events.EventJson;
import org.modsuite.events.PostEvent;
import org.modsuite.events.PostOp;
import org.modsuite.events.Topics;
import org.modsuite.ingestion.connector.FakeMastodon;
import org.modsuite.localstack.KafkaProbe;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.localstack.TestTokens;
import org.modsuite.support.security.Roles;

/** POST /api/v1/webhooks/{source}: Standard Webhooks signatures and Mastodon admin webhooks, on the real broker. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class WebhookResourceTests {

  private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("partner-forum-signing-key-0001".getBytes(StandardCharsets.UTF_8));

  private final KafkaProbe kafka = new KafkaProbe(LocalStackTestResource.shared().bootstrapServers());
  private String source;

  @BeforeEach
  void createWebhookSource() {
    source = "hook-" + UUID.randomUUID().toString().substring(0, 8);
    given().header("Authorization", "Bearer " + TestTokens.token(Roles.ADMIN)).contentType(ContentType.JSON)
        .body("{\"id\":\"%s\",\"type\":\"webhook\",\"intervalSeconds\":60,\"secret\":\"%s\"}".formatted(source, SECRET))
        .post("/api/v1/sources").then().statusCode(201).body("state", equalTo("push"));
  }

  private static String event(String type, String postId, String text) {
    return """
        {"type":"%s","timestamp":"2025-03-14T11:05:00Z","data":{"id":"%s","thread_id":"812","parent_id":"5519",
         "author":{"id":"u-77","name":"karim_b"},"text":"%s","format":"plain","lang":"fr","created_at":"2025-03-14T10:40:00Z",
         "url":"https://forum.example/t/cours-de-francais/812/4"}}""".formatted(type, postId, text);
  }

  private static RequestSpecification signed(String webhookId, long timestamp, String body, String secret) {
    return given().contentType(ContentType.JSON).header("webhook-id", webhookId).header("webhook-timestamp", String.valueOf(timestamp))
        .header("webhook-signature", org.modsuite.ingestion.service.WebhookSignature.sign(secret, webhookId, timestamp,
            body.getBytes(StandardCharsets.UTF_8)))
        .body(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aSignedPostIsPublishedOnceEvenWhenTheSenderRetries() {
    String postId = UUID.randomUUID().toString();
    String body = event("post.created", postId, "La médiathèque propose des ateliers le mardi soir.");
    long now = Instant.now().getEpochSecond();
    signed("msg_" + postId, now, body, SECRET).post("/api/v1/webhooks/" + source).then().statusCode(202).body("accepted", equalTo(1));
    signed("msg_" + postId, now + 5, body, SECRET).post("/api/v1/webhooks/" + source).then().statusCode(202)
        .body("accepted", equalTo(0)).body("duplicates", equalTo(1));

    String key = "webhook:" + source + ":" + postId;
    ConsumerRecord<String, String> record = kafka.await(Topics.POSTS_INGESTED, r -> key.equals(r.key()), Duration.ofSeconds(30));
    PostEvent post = EventJson.read(record.value(), PostEvent.class);
    assertThat(post.op()).isEqualTo(PostOp.CREATE);
    assertThat(post.language()).isEqualTo("fr");
    assertThat(post.parentUid()).isEqualTo("webhook:" + source + ":5519");
    assertThat(post.authorId()).startsWith("a1:");
    assertThat(kafka.collect(Topics.POSTS_INGESTED, r -> key.equals(r.key()), 5, Duration.ofSeconds(3))).hasSize(1);

    String deleted = event("post.deleted", postId, "");
    signed("msg_del_" + postId, now, deleted, SECRET).post("/api/v1/webhooks/" + source).then().statusCode(202).body("accepted", equalTo(1));
    assertThat(kafka.collect(Topics.POSTS_INGESTED, r -> key.equals(r.key()) && r.value().contains("\"delete\""), 1, Duration.ofSeconds(10)))
        .hasSize(1);
  }

  @Test
  void aWrongOrStaleSignatureIsA401AndNothingIsPublished() {
    String postId = UUID.randomUUID().toString();
    String body = event("post.created", postId, "never published");
    long now = Instant.now().getEpochSecond();
    signed("msg_1", now, body, "whsec_" + Base64.getEncoder().encodeToString("another-key-entirely-0001".getBytes(StandardCharsets.UTF_8)))
        .post("/api/v1/webhooks/" + source).then().statusCode(401).contentType("application/problem+json");
    signed("msg_2", now - 3600, body, SECRET).post("/api/v1/webhooks/" + source).then().statusCode(401);
    given().contentType(ContentType.JSON).body(body).post("/api/v1/webhooks/" + source).then().statusCode(401);
    String signedBody = body;
    signed("msg_3", now, signedBody, SECRET).body(body.replace("never", "always")).post("/api/v1/webhooks/" + source).then().statusCode(401);
    assertThat(kafka.collect(Topics.POSTS_INGESTED, r -> r.key().endsWith(postId), 1, Duration.ofSeconds(3))).isEmpty();
  }

  @Test
  void badPayloadsUnknownSourcesAndWrongContentTypesAre4xx() {
    long now = Instant.now().getEpochSecond();
    signed("m1", now, "{\"type\":\"post.liked\",\"data\":{}}", SECRET).post("/api/v1/webhooks/" + source).then().statusCode(400)
        .body("errors.field", hasItem("type"));
    signed("m2", now, "{\"type\":\"post.created\",\"data\":{\"text\":\"x\",\"created_at\":\"yesterday\"}}", SECRET)
        .post("/api/v1/webhooks/" + source).then().statusCode(400).body("errors.field", hasItem("data.id")).body("errors.field", hasItem("data.created_at"));
    signed("m3", now, "not json", SECRET).post("/api/v1/webhooks/" + source).then().statusCode(400).body("errors.field", hasItem("body"));
    signed("m4", now, "{}", SECRET).post("/api/v1/webhooks/no-such-source").then().statusCode(404);
    given().contentType(ContentType.TEXT).body("hello").post("/api/v1/webhooks/" + source).then().statusCode(415);
  }

  @Test
  void mastodonStatusCreatedAndUpdatedPayloadsSignedWithXHubSignature() {
    var status = (com.fasterxml.jackson.databind.node.ObjectNode) FakeMastodon.recordedPage().get(1).deepCopy();
    String uri = "https://social.example/users/nachbarschaft/statuses/" + UUID.randomUUID();
    status.put("uri", uri);
    String created = "{\"event\":\"status.created\",\"created_at\":\"2025-03-14T09:21:08.000Z\",\"object\":" + status + "}";
    hub(created).post("/api/v1/webhooks/" + source).then().statusCode(202).body("accepted", equalTo(1));
    status.put("edited_at", "2025-03-14T09:40:00.000Z");
    status.put("content", "<p>Das Sprachcafé fällt diese Woche aus.</p>");
    String updated = "{\"event\":\"status.updated\",\"created_at\":\"2025-03-14T09:40:00.000Z\",\"object\":" + status + "}";
    hub(updated).post("/api/v1/webhooks/" + source).then().statusCode(202).body("accepted", equalTo(1));
    hub("{\"event\":\"report.created\",\"object\":{\"id\":\"1\"}}").post("/api/v1/webhooks/" + source).then().statusCode(202)
        .body("accepted", equalTo(0));

    var records = kafka.collect(Topics.POSTS_INGESTED, r -> ("mastodon:" + uri).equals(r.key()), 2, Duration.ofSeconds(30));
    assertThat(records).extracting(r -> EventJson.read(r.value(), PostEvent.class).op()).containsExactly(PostOp.CREATE, PostOp.UPDATE);
    given().contentType(ContentType.JSON).header("X-Hub-Signature", "sha256=00").body(created).post("/api/v1/webhooks/" + source)
        .then().statusCode(401);
  }

  private RequestSpecification hub(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return given().contentType(ContentType.JSON).header("X-Hub-Signature", "sha256=" + HexFormat.of().formatHex(hmac(bytes))).body(bytes);
  }

  /** Mastodon signs with the secret's text as the key. */
  private static byte[] hmac(byte[] body) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
