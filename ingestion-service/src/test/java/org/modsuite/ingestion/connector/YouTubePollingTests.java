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
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.modsuite.events.PostEvent;
import org.modsuite.events.PostOp;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.localstack.TestTokens;
import org.modsuite.support.security.Roles;

/** The YouTube commentThreads connector against a local Data API, publishing to the real posts.ingested of local-stack. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class YouTubePollingTests {

  private static final String THREAD = "UgxExampleThread0001AaABAg";

  private final IngestedPosts ingested = new IngestedPosts();

  private static String admin() {
    return "Bearer " + TestTokens.token(Roles.ADMIN);
  }

  private static String createSource(String apiBase, String key, String dailyQuota) {
    String id = "yt-" + UUID.randomUUID().toString().substring(0, 8);
    given().header("Authorization", admin()).contentType(ContentType.JSON)
        .body(("{\"id\":\"%s\",\"type\":\"youtube\",\"settings\":{\"apiBase\":\"%s\",\"videoId\":\"vid3xAmpl3a\",\"maxResults\":\"2\","
            + "\"dailyQuota\":\"%s\"},\"intervalSeconds\":5,\"secret\":\"%s\"}").formatted(id, apiBase, dailyQuota, key))
        .post("/api/v1/sources").then().statusCode(201);
    return id;
  }

  private static JsonPath source(String id) {
    return given().header("Authorization", admin()).get("/api/v1/sources/" + id).jsonPath();
  }

  @Test
  void commentsAndRepliesArePagedToTheCheckpointAndPollingStopsBeforeTheDailyQuota() {
    String key = "AIza-test-" + UUID.randomUUID();
    try (FakeYouTube youtube = new FakeYouTube(key)) {
      String id = createSource(youtube.baseUrl(), key, "5");
      List<PostEvent> first = ingested.of(id, 2);
      assertThat(first).hasSize(2);
      PostEvent top = first.stream().filter(e -> e.postUid().equals("youtube:" + THREAD)).findFirst().orElseThrow();
      assertThat(top.op()).isEqualTo(PostOp.CREATE);
      assertThat(top.text()).isEqualTo("Thank you for explaining the registration steps so clearly!\nIs there a version with Farsi subtitles?");
      assertThat(top.url()).isEqualTo("https://www.youtube.com/watch?v=vid3xAmpl3a&lc=" + THREAD);
      assertThat(top.createdAt()).isEqualTo(Instant.parse("2025-03-14T08:15:00Z"));
      assertThat(top.language()).isNull();
      PostEvent reply = first.stream().filter(e -> e.postUid().equals("youtube:" + THREAD + ".AFexampleReply01")).findFirst().orElseThrow();
      assertThat(reply.parentUid()).isEqualTo("youtube:" + THREAD);
      assertThat(reply.op()).as("updatedAt after publishedAt is an edit").isEqualTo(PostOp.UPDATE);
      assertThat(reply.editedAt()).isEqualTo(Instant.parse("2025-03-14T09:05:30Z"));

      // Five new comments: one run pages three times (2 + 2 + 1 new, then the checkpoint's thread again, dropped).
      for (int i = 0; i < 5; i++) {
        youtube.addThread("UgxNewThread000" + i + "AaABAg", "2025-03-14T10:0" + i + ":00Z", "Neuer Kommentar " + i);
      }
      List<PostEvent> all = ingested.of(id, 7);
      assertThat(all).hasSize(7);
      assertThat(all).extracting(PostEvent::postUid).doesNotHaveDuplicates();

      // The next run can afford its first page (unit 5 of 5), not the second: it waits for the Pacific midnight.
      await().atMost(Duration.ofSeconds(30)).until(() -> "rate_limited".equals(source(id).getString("state")));
      JsonPath view = source(id);
      assertThat(view.getInt("quota.unitsUsed")).isEqualTo(5);
      assertThat(view.getInt("quota.dailyQuota")).isEqualTo(5);
      assertThat(Instant.parse(view.getString("quota.resetsAt"))).isAfter(Instant.now());
      assertThat(view.getString("lastError")).contains("daily quota of 5 units");
      assertThat(view.getString("cursor")).contains("2025-03-14T10:04:00Z");
      assertThat(youtube.requests()).as("no request beyond the quota").isEqualTo(5);
      assertThat(youtube.queries()).allMatch(q -> !q.contains(key) && q.contains("order=time") && q.contains("videoId=vid3xAmpl3a"));
      assertThat(youtube.queries().get(2)).contains("pageToken=p2");
      given().header("Authorization", admin()).post("/api/v1/sources/" + id + "/pause").then().statusCode(200);
    }
  }

  @Test
  void quotaExceededFromYouTubeStopsTheSourceAndBadSettingsAre400s() {
    String key = "AIza-test-" + UUID.randomUUID();
    try (FakeYouTube youtube = new FakeYouTube(key)) {
      youtube.exhaustQuota();
      String id = createSource(youtube.baseUrl(), key, "1000");
      await().atMost(Duration.ofSeconds(20)).until(() -> "rate_limited".equals(source(id).getString("state")));
      JsonPath view = source(id);
      assertThat(view.getString("lastError")).startsWith("rate_limited: YouTube answered quotaExceeded").doesNotContain(key);
      assertThat(view.getInt("quota.unitsUsed")).isEqualTo(1000);
      given().header("Authorization", admin()).post("/api/v1/sources/" + id + "/pause").then().statusCode(200);
    }
    given().header("Authorization", admin()).contentType(ContentType.JSON)
        .body("{\"id\":\"yt-bad\",\"type\":\"youtube\",\"settings\":{\"videoId\":\"vid3xAmpl3a\",\"channelId\":\"nope\",\"dailyQuota\":\"0\"},"
            + "\"intervalSeconds\":60}")
        .post("/api/v1/sources").then().statusCode(400)
        .body("errors.field", org.hamcrest.Matchers.hasItems("secret", "settings.channelId", "settings.dailyQuota"));
  }
}
