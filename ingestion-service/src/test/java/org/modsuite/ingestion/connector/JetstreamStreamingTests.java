package org.modsuite.ingestion.connector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.modsuite.events.PostEvent;
import org.modsuite.events.PostOp;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.localstack.TestTokens;
import org.modsuite.support.security.Roles;

/** A Bluesky source on a local Jetstream WebSocket, publishing to the real posts.ingested of local-stack. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class JetstreamStreamingTests {

  private static final String ROOT = "bluesky:at://did:plc:w3lc0mecafeexample0000a/app.bsky.feed.post/3lkexample2k2a";
  private static final String REPLY = "bluesky:at://did:plc:w3lc0mecafeexample0000a/app.bsky.feed.post/3lkexample2k2b";

  private final IngestedPosts ingested = new IngestedPosts();

  private static String admin() {
    return "Bearer " + TestTokens.token(Roles.ADMIN);
  }

  private static String cursor(String id) {
    return given().header("Authorization", admin()).get("/api/v1/sources/" + id).jsonPath().getString("cursor");
  }

  @Test
  void postsRepliesAndDeletesArriveOnceAcrossAReconnectWithOverlap() {
    try (FakeJetstream jetstream = new FakeJetstream()) {
      String id = "bsky-" + UUID.randomUUID().toString().substring(0, 8);
      given().header("Authorization", admin()).contentType(ContentType.JSON)
          .body("{\"id\":\"%s\",\"type\":\"bluesky\",\"settings\":{\"endpoint\":\"%s\"},\"intervalSeconds\":60}".formatted(id, jetstream.endpoint()))
          .post("/api/v1/sources").then().statusCode(201);

      List<PostEvent> events = ingested.of(id, 3);
      assertThat(events).extracting(PostEvent::postUid).containsExactlyInAnyOrder(ROOT, REPLY, REPLY);
      List<PostEvent> reply = events.stream().filter(e -> e.postUid().equals(REPLY)).toList(); // one partition: in order
      assertThat(reply).extracting(PostEvent::op).containsExactly(PostOp.CREATE, PostOp.DELETE);
      PostEvent root = events.stream().filter(e -> e.postUid().equals(ROOT)).findFirst().orElseThrow();
      assertThat(root.text()).isEqualTo("Free legal-advice hours for newcomers this Thursday 🗓️ #newcomers");
      assertThat(root.language()).isEqualTo("en");
      assertThat(root.createdAt()).isEqualTo(Instant.parse("2025-03-14T10:02:11.123Z"));
      assertThat(root.url()).isEqualTo("https://bsky.app/profile/did:plc:w3lc0mecafeexample0000a/post/3lkexample2k2a");
      assertThat(root.authorId()).startsWith("a1:").doesNotContain("w3lc0me");
      assertThat(reply.get(0).parentUid()).isEqualTo(ROOT);
      assertThat(reply.get(0).threadUid()).isEqualTo(ROOT);
      assertThat(reply.get(1).text()).isEmpty();
      assertThat(jetstream.queries().get(0)).contains("wantedCollections=app.bsky.feed.post").doesNotContain("cursor=");

      // The cursor is the last time_us Kafka acknowledged, the account event included (it publishes nothing).
      await().atMost(Duration.ofSeconds(20)).until(() -> "1741946603000000".equals(cursor(id)));
      assertThat(given().header("Authorization", admin()).get("/api/v1/sources/" + id).jsonPath().getString("state")).isEqualTo("streaming");
      jetstream.add(FakeJetstream.post(1741946700000000L, "3lkexample2k2c", "Neue Sprechzeiten ab Montag"));
      assertThat(ingested.of(id, 4)).hasSize(4);
      await().atMost(Duration.ofSeconds(20)).until(() -> "1741946700000000".equals(cursor(id)));

      // A dropped connection resumes 5 s before the cursor: the replayed post is not published again.
      jetstream.disconnectAll();
      await().atMost(Duration.ofSeconds(20)).until(() -> jetstream.queries().size() >= 2);
      assertThat(jetstream.queries().get(1)).contains("cursor=1741946695000000");
      jetstream.add(FakeJetstream.post(1741946800000000L, "3lkexample2k2d", "Danke fuer die Infos"));
      List<PostEvent> all = ingested.of(id, 5);
      assertThat(all).hasSize(5);
      assertThat(all).filteredOn(e -> e.postUid().endsWith("/3lkexample2k2c")).hasSize(1);
      PostEvent last = all.stream().filter(e -> e.postUid().endsWith("/3lkexample2k2d")).findFirst().orElseThrow();
      assertThat(last.language()).isEqualTo("de");

      // Paused: the stream is closed and the acknowledged cursor stays.
      given().header("Authorization", admin()).post("/api/v1/sources/" + id + "/pause").then().statusCode(200);
      await().atMost(Duration.ofSeconds(20)).until(() -> "1741946800000000".equals(cursor(id)));
    }
  }

  @Test
  void aBlueskySourceWithABadEndpointIsA400NamingTheSetting() {
    given().header("Authorization", admin()).contentType(ContentType.JSON)
        .body("{\"id\":\"bsky-bad\",\"type\":\"bluesky\",\"settings\":{\"endpoint\":\"https://x.example/subscribe\",\"colour\":\"red\"},"
            + "\"intervalSeconds\":60}")
        .post("/api/v1/sources").then().statusCode(400)
        .body("errors.field", org.hamcrest.Matchers.hasItems("settings.endpoint", "settings.colour"));
  }
}
