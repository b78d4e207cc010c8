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

/** The Telegram getUpdates connector against a local Bot API, publishing to the real posts.ingested of local-stack. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class TelegramPollingTests {

  private final IngestedPosts ingested = new IngestedPosts();

  private static String createSource(String apiBase, String token) {
    String id = "tg-" + UUID.randomUUID().toString().substring(0, 8);
    given().header("Authorization", "Bearer " + TestTokens.token(Roles.ADMIN)).contentType(ContentType.JSON)
        .body("{\"id\":\"%s\",\"type\":\"telegram\",\"settings\":{\"apiBase\":\"%s\"},\"intervalSeconds\":5,\"secret\":\"%s\"}"
            .formatted(id, apiBase, token))
        .post("/api/v1/sources").then().statusCode(201);
    return id;
  }

  @Test
  void channelPostsEditsAndRepliesArePublishedAndTheOffsetConfirmsThemAfterTheAcks() {
    String token = "123456:" + UUID.randomUUID();
    try (FakeTelegram telegram = new FakeTelegram(token)) {
      // The first answer is Telegram's 429: the wait is in the body, not in a header.
      telegram.script(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 2\",\"parameters\":{\"retry_after\":2}}");
      String id = createSource(telegram.baseUrl(), token);
      List<PostEvent> events = ingested.of(id, 3);
      assertThat(events).hasSize(3);

      List<PostEvent> office = events.stream().filter(e -> e.postUid().equals("telegram:-1001234567890:1207")).toList();
      assertThat(office).extracting(PostEvent::op).containsExactly(PostOp.CREATE, PostOp.UPDATE);
      assertThat(office.get(1).text()).isEqualTo("Office hours moved to 15:00 today 👋 #infodesk");
      assertThat(office.get(1).editedAt()).isEqualTo(Instant.ofEpochSecond(1741946700));
      assertThat(office.get(0).url()).isEqualTo("https://t.me/newcomers_info_example/1207");
      PostEvent reply = events.stream().filter(e -> e.postUid().equals("telegram:-1009876543210:88")).findFirst().orElseThrow();
      assertThat(reply.parentUid()).isEqualTo("telegram:-1009876543210:85");
      assertThat(reply.text()).isEqualTo("أستطيع المساعدة غداً — I can help tomorrow");
      assertThat(reply.language()).as("from.language_code is the UI language, not the post's").isNull();

      List<Long> times = telegram.times();
      assertThat(times.get(1) - times.get(0)).as("retry_after: 2 was waited for").isGreaterThanOrEqualTo(1950);
      telegram.addChannelPost(482019377, -1001234567890L, 1210, "Next week: bring your questions");
      assertThat(ingested.of(id, 4)).hasSize(4);
      await().atMost(Duration.ofSeconds(20)).until(() -> telegram.queries().stream().anyMatch(q -> q.contains("offset=482019378")));
      assertThat(telegram.queries()).anyMatch(q -> q.contains("offset=482019377"));
      String state = given().header("Authorization", "Bearer " + TestTokens.token(Roles.ADMIN)).get("/api/v1/sources/" + id).asString();
      assertThat(state).doesNotContain(token);
      given().header("Authorization", "Bearer " + TestTokens.token(Roles.ADMIN)).post("/api/v1/sources/" + id + "/pause").then().statusCode(200);
    }
  }

  @Test
  void aWrongTokenIsRefusedWithoutTheTokenInTheError() {
    try (FakeTelegram telegram = new FakeTelegram("123:right")) {
      String id = createSource(telegram.baseUrl(), "999:wrong-token-value");
      await().atMost(Duration.ofSeconds(20)).until(() -> given().header("Authorization", "Bearer " + TestTokens.token(Roles.ADMIN))
          .get("/api/v1/sources/" + id).jsonPath().getString("lastError") != null);
      String error = given().header("Authorization", "Bearer " + TestTokens.token(Roles.ADMIN)).get("/api/v1/sources/" + id).jsonPath()
          .getString("lastError");
      assertThat(error).startsWith("refused: 401").doesNotContain("wrong-token-value");
      given().header("Authorization", "Bearer " + TestTokens.token(Roles.ADMIN)).post("/api/v1/sources/" + id + "/pause").then().statusCode(200);
      given().header("Authorization", "Bearer " + TestTokens.token(Roles.ADMIN)).contentType(ContentType.JSON)
          .body("{\"id\":\"tg-nosecret\",\"type\":\"telegram\",\"intervalSeconds\":60}").post("/api/v1/sources").then().statusCode(400);
    }
  }
}
