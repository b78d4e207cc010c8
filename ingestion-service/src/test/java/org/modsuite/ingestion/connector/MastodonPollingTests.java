package org.modsuite.ingestion.connector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.modsuite.events.EventJson;
import org.modsuite.events.PostEvent;
import org.modsuite.events.PostOp;
import org.modsuite.events.Topics;
import org.modsuite.localstack.KafkaProbe;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.localstack.TestTokens;
import org.modsuite.support.security.Roles;

/** The Mastodon connector polling a local fake instance, publishing to the real posts.ingested of local-stack. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class MastodonPollingTests {

  /** Snowflake-style ids above the recorded page's. */
  private static final long BASE_ID = 114_160_100_000_000_000L;

  private final KafkaProbe kafka = new KafkaProbe(LocalStackTestResource.shared().bootstrapServers());

  @Inject
  @DataSource("ingestion")
  AgroalDataSource db;

  private static String createSource(String instance, String hashtag) {
    String id = "masto-" + UUID.randomUUID().toString().substring(0, 8);
    String body = """
        {"id":"%s","type":"mastodon","settings":{"instance":"%s","hashtag":"%s"},"intervalSeconds":5}""".formatted(id, instance, hashtag);
    given().header("Authorization", "Bearer " + TestTokens.token(Roles.ADMIN)).contentType(ContentType.JSON).body(body)
        .post("/api/v1/sources").then().statusCode(201);
    return id;
  }

  private static JsonPath view(String id) {
    return given().header("Authorization", "Bearer " + TestTokens.token(Roles.SERVICE)).get("/api/v1/sources/" + id).then().statusCode(200)
        .extract().jsonPath();
  }

  private static void pause(String id) {
    given().header("Authorization", "Bearer " + TestTokens.token(Roles.ADMIN)).post("/api/v1/sources/" + id + "/pause").then().statusCode(200);
  }

  private List<ConsumerRecord<String, String>> records(String uriPrefix, int atLeast) {
    String prefix = "mastodon:" + uriPrefix;
    await().atMost(Duration.ofSeconds(60)).until(() -> kafka.collect(Topics.POSTS_INGESTED, r -> r.key().startsWith(prefix), atLeast,
        Duration.ofSeconds(2)).size() >= atLeast);
    // Read on for a while: a duplicate would arrive within this window.
    return kafka.collect(Topics.POSTS_INGESTED, r -> r.key().startsWith(prefix), 10_000, Duration.ofSeconds(4));
  }

  private static String uri(String host, long id) {
    return "https://" + host + "/users/lina/statuses/" + id;
  }

  @Test
  void theRecordedPageIsMappedToCanonicalPostsKeyedByTheStatusUri() {
    try (FakeMastodon fake = new FakeMastodon("social.example")) {
      String host = "h" + UUID.randomUUID().toString().substring(0, 8) + ".example";
      // The recorded statuses, re-homed to a host of this test so the topic holds no posts of other tests under it.
      for (var status : FakeMastodon.recordedPage()) {
        var copy = (com.fasterxml.jackson.databind.node.ObjectNode) status.deepCopy();
        copy.put("uri", copy.path("uri").asText().replaceFirst("https://[^/]+/", "https://" + host + "/"));
        fake.add(copy);
      }
      String id = createSource(fake.baseUrl(), "sprachcafe");
      Map<String, PostEvent> events = records("https://" + host + "/", 2).stream()
          .collect(Collectors.toMap(ConsumerRecord::key, r -> EventJson.read(r.value(), PostEvent.class), (a, b) -> a));
      pause(id);

      PostEvent reply = events.get("mastodon:https://" + host + "/users/lina/statuses/114160060399620242");
      assertThat(reply.op()).as("edited_at is set").isEqualTo(PostOp.UPDATE);
      assertThat(reply.editedAt()).isEqualTo(Instant.parse("2025-03-14T09:30:12.000Z"));
      assertThat(reply.text()).isEqualTo("@nachbarschaft I can bring tea and a few picture books for the kids 🙂 #Sprachcafe");
      assertThat(reply.language()).isEqualTo("en");
      assertThat(reply.sourceName()).isEqualTo(id);
      assertThat(reply.authorId()).startsWith("a1:").doesNotContain("lina");
      String root = "mastodon:https://" + host + "/users/nachbarschaft/statuses/114160046374916242";
      assertThat(reply.parentUid()).as("the parent is in the page and is a root: no context request").isEqualTo(root);
      assertThat(reply.threadUid()).isEqualTo(root);
      assertThat(fake.calls()).noneMatch(c -> c.contains("/context"));

      PostEvent post = events.get("mastodon:https://" + host + "/users/nachbarschaft/statuses/114160046374916242");
      assertThat(post.op()).isEqualTo(PostOp.CREATE);
      assertThat(post.text()).isEqualTo("Das Sprachcafé trifft sich am Samstag wieder in der Stadtbibliothek. Alle sind willkommen!\n"
          + "Infos: https://library.example/events/sprachcafe #Sprachcafe");
      assertThat(post.url()).isEqualTo("https://social.example/@nachbarschaft/114160046374916242");
      assertThat(view(id).getString("cursor")).isEqualTo("114160060399620242");
    }
  }

  @Test
  void moreThanAPageOfNewPostsIsReadPageByPageWithMinIdAndNoneIsLostOrDuplicated() {
    String host = "h" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    try (FakeMastodon fake = new FakeMastodon(host)) {
      Instant t0 = Instant.parse("2026-11-20T10:00:00Z");
      fake.add(String.valueOf(BASE_ID), uri(host, BASE_ID), t0, "<p>first</p>");
      String id = createSource(fake.baseUrl(), "sprachcafe");
      records("https://" + host + "/", 1);
      for (int i = 1; i <= 95; i++) {
        fake.add(String.valueOf(BASE_ID + i * 65_536L), uri(host, BASE_ID + i * 65_536L), t0.plusSeconds(i), "<p>post " + i + "</p>");
      }
      List<ConsumerRecord<String, String>> all = records("https://" + host + "/", 96);
      pause(id);
      assertThat(all).hasSize(96);
      assertThat(all.stream().map(ConsumerRecord::key).distinct()).hasSize(96);
      assertThat(fake.queries()).anyMatch(q -> q.equals("limit=40&min_id=" + BASE_ID));
      assertThat(fake.queries()).noneMatch(q -> q.contains("since_id"));
      assertThat(view(id).getString("cursor")).isEqualTo(String.valueOf(BASE_ID + 95 * 65_536L));
      assertThat(view(id).getInt("postsLastHour")).isEqualTo(96);
    }
  }

  @Test
  void theSameStatusSeenThroughTwoInstancesIsOnePost() {
    String origin = "h" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    try (FakeMastodon a = new FakeMastodon("a.example"); FakeMastodon b = new FakeMastodon("b.example")) {
      Instant t = Instant.parse("2026-11-20T11:00:00Z");
      // Each instance has its own local id for the federated status; the uri is the origin's.
      a.add("114160200000000000", uri(origin, 7), t, "<p>Welcome café tonight</p>");
      b.add("109000000000000001", uri(origin, 7), t, "<p>Welcome café tonight</p>");
      String idA = createSource(a.baseUrl(), "cafe");
      String idB = createSource(b.baseUrl(), "cafe");
      await().atMost(Duration.ofSeconds(30)).until(() -> view(idA).getString("lastSuccessAt") != null && view(idB).getString("lastSuccessAt") != null);
      List<ConsumerRecord<String, String>> all = records("https://" + origin + "/", 1);
      pause(idA);
      pause(idB);
      assertThat(all).extracting(ConsumerRecord::key).containsExactly("mastodon:" + uri(origin, 7));
    }
  }

  @Test
  void aRateLimitResetAndRetryAfterAreWaitedFor() {
    String host = "h" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    try (FakeMastodon fake = new FakeMastodon(host)) {
      fake.add(String.valueOf(BASE_ID), uri(host, BASE_ID), Instant.parse("2026-11-20T12:00:00Z"), "<p>after the limit</p>");
      // Mastodon's reset is an ISO-8601 instant with 6 fractional digits.
      Instant reset = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MICROS);
      String iso = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(java.time.ZoneOffset.UTC).format(reset);
      fake.script(new FakeMastodon.Scripted(429, Map.of("X-RateLimit-Limit", "300", "X-RateLimit-Remaining", "0",
          "X-RateLimit-Reset", iso), "{\"error\":\"Too many requests\"}"));
      fake.script(new FakeMastodon.Scripted(503, Map.of("Retry-After", "2"), "<html><body>Service Unavailable</body></html>"));
      String id = createSource(fake.baseUrl(), "sprachcafe");
      records("https://" + host + "/", 1);
      pause(id);

      List<Instant> times = fake.requestTimes();
      assertThat(times).hasSizeGreaterThanOrEqualTo(3);
      assertThat(times.get(1)).as("second request, after the 429").isAfterOrEqualTo(reset.minusMillis(50));
      assertThat(Duration.between(times.get(1), times.get(2))).as("third request, after Retry-After: 2").isGreaterThanOrEqualTo(Duration.ofMillis(1950));
    }
  }

  @Test
  void aFailingSourceBacksOffWithoutBlockingAnotherAndReadinessStaysUp() {
    String host = "h" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    try (FakeMastodon fake = new FakeMastodon(host)) {
      fake.add(String.valueOf(BASE_ID), uri(host, BASE_ID), Instant.parse("2026-11-20T13:00:00Z"), "<p>still arriving</p>");
      String broken = createSource("http://127.0.0.1:9", "nothing");
      String working = createSource(fake.baseUrl(), "sprachcafe");
      records("https://" + host + "/", 1);
      await().atMost(Duration.ofSeconds(20)).until(() -> view(broken).getString("lastError") != null);
      JsonPath state = view(broken);
      assertThat(state.getString("lastError")).startsWith("transient:");
      assertThat(state.getString("state")).isIn("backing_off", "circuit_open", "half_open");
      assertThat(view(working).getString("state")).isEqualTo("ok");
      given().get("/q/health/ready").then().statusCode(200);
      given().get("/q/metrics").then().statusCode(200).body(org.hamcrest.Matchers.containsString("modsuite_source_polls_total"));
      pause(broken);
      pause(working);
    }
  }

  @Test
  void aPageCutOffMidwayOrReadAgainAfterARestartNeitherLosesNorDuplicatesPosts() throws Exception {
    String host = "h" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    try (FakeMastodon fake = new FakeMastodon(host)) {
      Instant t0 = Instant.parse("2026-11-20T14:00:00Z");
      fake.add(String.valueOf(BASE_ID), uri(host, BASE_ID), t0, "<p>zero</p>");
      String id = createSource(fake.baseUrl(), "sprachcafe");
      records("https://" + host + "/", 1);
      for (int i = 1; i <= 10; i++) {
        fake.add(String.valueOf(BASE_ID + i), uri(host, BASE_ID + i), t0.plusSeconds(i), "<p>post " + i + "</p>");
      }
      // The connection drops in the middle of the page: the body ends inside a status.
      fake.script(new FakeMastodon.Scripted(200, Map.of("Content-Type", "application/json"), "[{\"id\":\"" + (BASE_ID + 10) + "\",\"created_at\":\"20"));
      await().atMost(Duration.ofSeconds(30)).until(() -> String.valueOf(view(id).getString("lastError")).startsWith("garbage"));
      assertThat(view(id).getString("cursor")).as("the cursor stays where it was").isEqualTo(String.valueOf(BASE_ID));
      List<ConsumerRecord<String, String>> all = records("https://" + host + "/", 11);
      assertThat(all).hasSize(11);

      // A restart after Kafka acknowledged the page but before the cursor was committed: the page is read again.
      pause(id);
      try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE source SET cursor = ? WHERE id = ?")) {
        ps.setString(1, String.valueOf(BASE_ID));
        ps.setString(2, id);
        ps.executeUpdate();
      }
      int before = fake.queries().size();
      given().header("Authorization", "Bearer " + TestTokens.token(Roles.ADMIN)).post("/api/v1/sources/" + id + "/resume").then().statusCode(200);
      await().atMost(Duration.ofSeconds(30)).until(() -> fake.queries().size() > before
          && view(id).getString("cursor").equals(String.valueOf(BASE_ID + 10)));
      pause(id);
      List<ConsumerRecord<String, String>> after = records("https://" + host + "/", 11);
      assertThat(after).as("the re-read page's versions were dropped as duplicates").hasSize(11);
      assertThat(fake.queries().subList(before, fake.queries().size())).contains("limit=40&min_id=" + BASE_ID);
    }
  }

  @Test
  void repliesGetParentAndThreadFromTheStatusContextWhenThePageDoesNotHaveThem() {
    try (FakeMastodon fake = new FakeMastodon("social.example")) {
      String host = "t" + UUID.randomUUID().toString().substring(0, 8) + ".example";
      Instant at = Instant.parse("2025-03-14T10:00:00Z");
      fake.add(String.valueOf(BASE_ID + 1), uri(host, BASE_ID + 1), at, "<p>Wer kommt am Samstag zum Sprachcafé?</p>").putNull("in_reply_to_id");
      fake.add(String.valueOf(BASE_ID + 2), uri(host, BASE_ID + 2), at.plusSeconds(60), "<p>Ich komme!</p>")
          .put("in_reply_to_id", String.valueOf(BASE_ID + 1));
      fake.add(String.valueOf(BASE_ID + 3), uri(host, BASE_ID + 3), at.plusSeconds(120), "<p>Ich auch, mit Kuchen</p>")
          .put("in_reply_to_id", String.valueOf(BASE_ID + 2));
      fake.add(String.valueOf(BASE_ID + 4), uri(host, BASE_ID + 4), at.plusSeconds(180), "<p>Antwort auf einen privaten Beitrag</p>")
          .put("in_reply_to_id", "109000000000000001");
      String id = createSource(fake.baseUrl(), "sprachcafe");
      Map<String, PostEvent> events = records("https://" + host + "/", 4).stream()
          .collect(Collectors.toMap(ConsumerRecord::key, r -> EventJson.read(r.value(), PostEvent.class), (a, b) -> a));
      pause(id);
      String root = "mastodon:" + uri(host, BASE_ID + 1);
      assertThat(events.get(root).parentUid()).isNull();
      assertThat(events.get("mastodon:" + uri(host, BASE_ID + 2)).parentUid()).isEqualTo(root);
      PostEvent deep = events.get("mastodon:" + uri(host, BASE_ID + 3));
      assertThat(deep.parentUid()).isEqualTo("mastodon:" + uri(host, BASE_ID + 2));
      assertThat(deep.threadUid()).as("the first ancestor of the context").isEqualTo(root);
      assertThat(events.get("mastodon:" + uri(host, BASE_ID + 4)).parentUid()).as("an unreadable parent leaves it empty").isNull();
      assertThat(fake.calls()).containsExactlyInAnyOrder("GET /api/v1/statuses/" + (BASE_ID + 3) + "/context",
          "GET /api/v1/statuses/" + (BASE_ID + 4) + "/context");
    }
  }

  @Test
  void aStreamingSourcePublishesTheDeletesAndEditsOfStatusesItRead() throws Exception {
    try (FakeMastodon fake = new FakeMastodon("social.example")) {
      String host = "s" + UUID.randomUUID().toString().substring(0, 8) + ".example";
      String statusId = String.valueOf(BASE_ID + 1);
      ObjectNode status = fake.add(statusId, uri(host, BASE_ID + 1), Instant.parse("2025-03-14T10:00:00Z"), "<p>Treffen um 18 Uhr</p>");
      status.putNull("in_reply_to_id");
      String id = "masto-" + UUID.randomUUID().toString().substring(0, 8);
      given().header("Authorization", "Bearer " + TestTokens.token(Roles.ADMIN)).contentType(ContentType.JSON)
          .body("{\"id\":\"%s\",\"type\":\"mastodon\",\"settings\":{\"instance\":\"%s\",\"hashtag\":\"sprachcafe\",\"stream\":\"true\"},"
              .formatted(id, fake.baseUrl()) + "\"intervalSeconds\":5,\"secret\":\"admin-token\"}")
          .post("/api/v1/sources").then().statusCode(201);
      String key = "mastodon:" + uri(host, BASE_ID + 1);
      records("https://" + host + "/", 1);
      await().atMost(Duration.ofSeconds(20)).until(() -> fake.streams() >= 1);
      assertThat(fake.calls()).contains("GET /api/v1/streaming/hashtag?tag=sprachcafe");

      fake.streamEvent("delete", "109000000000000999"); // not a status of this source: skipped
      ObjectNode edited = status.deepCopy();
      edited.put("content", "<p>Treffen um 19 Uhr</p>").put("edited_at", "2025-03-14T10:05:00.000Z");
      fake.streamEvent("status.update", new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(edited));
      fake.streamEvent("delete", statusId);
      List<PostEvent> events = records("https://" + host + "/", 3).stream().map(r -> EventJson.read(r.value(), PostEvent.class)).toList();
      pause(id);
      assertThat(events).extracting(PostEvent::postUid).containsOnly(key);
      assertThat(events).extracting(PostEvent::op).containsExactly(PostOp.CREATE, PostOp.UPDATE, PostOp.DELETE);
      assertThat(events.get(1).text()).isEqualTo("Treffen um 19 Uhr");
      assertThat(events.get(2).text()).isEmpty();
    }
  }
}
