package org.modsuite.ingestion.messaging;

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
import org.modsuite.events.ActionEvent;
import org.modsuite.events.ActionType;
import org.modsuite.events.EventJson;
import org.modsuite.events.Topics;
import org.modsuite.ingestion.connector.FakeMastodon;
import org.modsuite.ingestion.connector.FakeTelegram;
import org.modsuite.localstack.KafkaProbe;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.localstack.TestTokens;
import org.modsuite.support.security.Roles;

/** moderation.actions from the real broker, enforced on a local Bot API or recorded as manual. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ActionConsumerTests {

  private final KafkaProbe kafka = new KafkaProbe(LocalStackTestResource.shared().bootstrapServers());

  private void send(String postUid, ActionType type, String decisionId) {
    ActionEvent event = new ActionEvent(UUID.randomUUID(), ActionEvent.TYPE, ActionEvent.SCHEMA_VERSION, Instant.now(), postUid, type, decisionId,
        "case-1", "illegal_hate_speech", false, Instant.now());
    kafka.send(Topics.MODERATION_ACTIONS, postUid, EventJson.write(event));
  }

  private static JsonPath outcome(String postUid) {
    return given().header("Authorization", "Bearer " + TestTokens.token(Roles.MODERATOR)).queryParam("postUid", postUid)
        .get("/api/v1/enforcements").then().statusCode(200).extract().jsonPath();
  }

  @Test
  void aTelegramRemovalIsDeletedOnceThroughTheBotOfTheChatAndOthersAreRecordedAsManual() {
    String token = "777:" + UUID.randomUUID();
    long chat = -1000000000000L - (long) (Math.random() * 1_000_000_000L);
    try (FakeTelegram telegram = new FakeTelegram(token)) {
      String source = "tg-enf-" + UUID.randomUUID().toString().substring(0, 8);
      given().header("Authorization", "Bearer " + TestTokens.token(Roles.ADMIN)).contentType(ContentType.JSON)
          .body("{\"id\":\"%s\",\"type\":\"telegram\",\"paused\":true,\"intervalSeconds\":60,\"secret\":\"%s\",\"settings\":{\"apiBase\":\"%s\",\"chats\":\"%d\"}}"
              .formatted(source, token, telegram.baseUrl(), chat))
          .post("/api/v1/sources").then().statusCode(201);

      String postUid = "telegram:" + chat + ":1207";
      String decision = "d-" + UUID.randomUUID();
      send(postUid, ActionType.REMOVE, decision);
      await().atMost(Duration.ofSeconds(30)).until(() -> outcome(postUid).getList("outcome").contains("done"));
      assertThat(outcome(postUid).getString("[0].sourceId")).isEqualTo(source);
      assertThat(telegram.queries()).contains("chat_id=" + chat + "&message_id=1207");

      send(postUid, ActionType.REMOVE, decision); // redelivered
      String mastodon = "mastodon:https://social.example/users/x/statuses/" + UUID.randomUUID();
      send(mastodon, ActionType.REMOVE, "d-" + UUID.randomUUID());
      String labelled = "rss:" + UUID.randomUUID();
      send(labelled, ActionType.LABEL, "d-" + UUID.randomUUID());
      await().atMost(Duration.ofSeconds(30)).until(() -> !outcome(mastodon).getList("outcome").isEmpty() && !outcome(labelled).getList("outcome").isEmpty());
      assertThat(outcome(mastodon).getString("[0].outcome")).isEqualTo("manual");
      assertThat(outcome(labelled).getString("[0].outcome")).isEqualTo("not_applicable");
      assertThat(telegram.queries().stream().filter(q -> q.startsWith("chat_id="))).as("deleted once").hasSize(1);
      given().header("Authorization", "Bearer " + TestTokens.token(Roles.SERVICE)).get("/api/v1/enforcements").then().statusCode(403);
      given().header("Authorization", "Bearer " + TestTokens.token(Roles.COMPLIANCE)).get("/api/v1/enforcements").then().statusCode(200)
          .body("size()", org.hamcrest.Matchers.greaterThanOrEqualTo(3));
      assertThat(outcome(postUid).getList("outcome")).hasSize(1);
      given().header("Authorization", "Bearer " + TestTokens.token(Roles.ADMIN)).delete("/api/v1/sources/" + source).then().statusCode(204);
      assertThat(outcome(postUid).getString("[0].action")).isEqualTo("remove");
    }
  }

  private static String detail(String postUid, String decision, String field) {
    return outcome(postUid).getString("find { it.decisionId == '" + decision + "' }." + field);
  }

  @Test
  void mastodonActionsGoThroughTheInstanceApiWithTheTokenOfAnEnforcingSource() {
    try (FakeMastodon mastodon = new FakeMastodon("social.example")) {
      String host = "e" + UUID.randomUUID().toString().substring(0, 8) + ".example";
      String statusUri = "https://" + host + "/users/lina/statuses/114160100000000001";
      String account = mastodon.add("114160100000000001", statusUri, Instant.parse("2025-03-14T10:00:00Z"), "<p>…</p>").path("account").path("id")
          .asText();
      String source = "masto-enf-" + UUID.randomUUID().toString().substring(0, 8);
      given().header("Authorization", "Bearer " + TestTokens.token(Roles.ADMIN)).contentType(ContentType.JSON)
          .body("{\"id\":\"%s\",\"type\":\"mastodon\",\"paused\":true,\"intervalSeconds\":60,\"secret\":\"admin-token\",\"settings\":{\"instance\":\"%s\",\"enforce\":\"true\"}}"
              .formatted(source, mastodon.baseUrl()))
          .post("/api/v1/sources").then().statusCode(201);
      try {
        String postUid = "mastodon:" + statusUri;
        String restrict = "d-" + UUID.randomUUID();
        String remove = "d-" + UUID.randomUUID();
        String restore = "d-" + UUID.randomUUID();
        send(postUid, ActionType.RESTRICT, restrict);
        send(postUid, ActionType.REMOVE, remove);
        send(postUid, ActionType.RESTORE, restore);
        String gone = "mastodon:https://" + host + "/users/lina/statuses/404";
        String missing = "d-" + UUID.randomUUID();
        send(gone, ActionType.REMOVE, missing);
        await().atMost(Duration.ofSeconds(30)).until(() -> outcome(postUid).getList("outcome").size() == 3 && !outcome(gone).getList("outcome").isEmpty());

        assertThat(detail(postUid, restrict, "outcome")).isEqualTo("done");
        assertThat(detail(postUid, restrict, "detail")).startsWith("account limited (silence)").contains("report #");
        assertThat(detail(postUid, restrict, "sourceId")).isEqualTo(source);
        assertThat(detail(postUid, remove, "outcome")).isEqualTo("manual");
        assertThat(detail(postUid, remove, "detail")).startsWith("report #").contains("delete it from that report");
        assertThat(detail(postUid, restore, "outcome")).isEqualTo("done");
        assertThat(outcome(gone).getString("[0].outcome")).isEqualTo("failed");
        assertThat(outcome(gone).getString("[0].detail")).contains("not found");

        List<String> calls = mastodon.calls();
        assertThat(calls).anyMatch(c -> c.startsWith("GET /api/v2/search?") && c.contains("resolve=true"));
        assertThat(calls).anyMatch(c -> c.startsWith("POST /api/v1/reports ") && c.contains("account_id=" + account)
            && c.contains("status_ids%5B%5D=114160100000000001") && c.contains(restrict));
        assertThat(calls).anyMatch(c -> c.startsWith("POST /api/v1/admin/accounts/" + account + "/action ") && c.contains("type=silence")
            && c.contains("report_id="));
        assertThat(calls).contains("POST /api/v1/admin/accounts/" + account + "/unsilence");
      } finally {
        given().header("Authorization", "Bearer " + TestTokens.token(Roles.ADMIN)).delete("/api/v1/sources/" + source).then().statusCode(204);
      }
    }
  }
}
