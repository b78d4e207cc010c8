package org.modsuite.ingestion.connector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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

/** The RSS/Atom connector polling a local feed host, publishing to the real posts.ingested of local-stack. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class RssPollingTests {

  private final IngestedPosts ingested = new IngestedPosts();

  private static String createSource(String url) {
    String id = "feed-" + UUID.randomUUID().toString().substring(0, 8);
    given().header("Authorization", "Bearer " + TestTokens.token(Roles.ADMIN)).contentType(ContentType.JSON)
        .body("{\"id\":\"%s\",\"type\":\"rss\",\"settings\":{\"url\":\"%s\"},\"intervalSeconds\":5}".formatted(id, url))
        .post("/api/v1/sources").then().statusCode(201);
    return id;
  }

  private static void pause(String id) {
    given().header("Authorization", "Bearer " + TestTokens.token(Roles.ADMIN)).post("/api/v1/sources/" + id + "/pause").then().statusCode(200);
  }

  @Test
  void atomEntriesArePublishedOnceChangedOnesAsUpdatesAndAnUnchangedFeedCostsA304() {
    try (FakeFeed feed = new FakeFeed("entraide.atom", "application/atom+xml")) {
      String id = createSource(feed.url());
      List<PostEvent> first = ingested.of(id, 2);
      assertThat(first).hasSize(2).allMatch(e -> e.op() == PostOp.CREATE);
      PostEvent reply = first.stream().filter(e -> e.sourceId().endsWith("post-5521")).findFirst().orElseThrow();
      assertThat(reply.text()).isEqualTo("Re: Cours de français gratuits ?\n\nLa médiathèque propose des ateliers le mardi soir.");
      assertThat(reply.url()).isEqualTo("https://forum.example/t/cours-de-francais/812/4");
      assertThat(reply.platform()).isEqualTo("rss");
      assertThat(first.stream().filter(e -> e.sourceId().endsWith("post-5519")).findFirst().orElseThrow().text())
          .endsWith("où trouver des cours & ateliers gratuits ?");

      await().atMost(Duration.ofSeconds(20)).until(() -> feed.notModified() >= 1);

      feed.body(feed.body()
          .replace("où trouver des cours &amp;amp; ateliers gratuits ?", "où trouver des cours gratuits le soir ?")
          .replaceFirst("<entry>", java.util.regex.Matcher.quoteReplacement("""
              <entry>
                <id>tag:forum.example,2025:post-5522</id>
                <title>Re: Cours de français gratuits ?</title>
                <published>2025-03-14T11:30:00Z</published>
                <updated>2025-03-14T11:30:00Z</updated>
                <link rel="alternate" href="https://forum.example/t/cours-de-francais/812/5"/>
                <content type="html">&lt;p&gt;Merci beaucoup !&lt;/p&gt;</content>
              </entry>
              <entry>""".replaceFirst("\\s+$", ""))));
      List<PostEvent> all = ingested.of(id, 4);
      pause(id);
      assertThat(all).hasSize(4);
      assertThat(all.stream().filter(e -> e.sourceId().endsWith("post-5519")).map(PostEvent::op)).containsExactly(PostOp.CREATE, PostOp.UPDATE);
      assertThat(all.stream().filter(e -> e.sourceId().endsWith("post-5522")).map(PostEvent::op)).containsExactly(PostOp.CREATE);
    }
  }

  @Test
  void aFeedWhoseEveryItemIsNewReportsAGapAndGarbageKeepsTheSeenSet() {
    try (FakeFeed feed = new FakeFeed("entraide.rss", "application/rss+xml")) {
      String id = createSource(feed.url());
      PostEvent item = ingested.of(id, 1).get(0);
      assertThat(item.language()).isEqualTo("fr-fr");
      assertThat(item.text()).isEqualTo("Re: Cours de français gratuits ?\n\nLa médiathèque propose des ateliers le mardi soir.");

      feed.body("<html><body>502 Bad Gateway</body></html>");
      await().atMost(Duration.ofSeconds(20)).until(() -> String.valueOf(given().header("Authorization", "Bearer " + TestTokens.token(Roles.ADMIN))
          .get("/api/v1/sources/" + id).jsonPath().getString("lastError")).startsWith("garbage"));

      feed.body(FakeFeed.resource("entraide.rss").replace("forum.example-post-5521", "forum.example-post-9001")
          .replace("<title>Re: Cours", "<title>Nouveau : Cours"));
      assertThat(ingested.of(id, 2)).hasSize(2);
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/metrics").then()
          .body(org.hamcrest.Matchers.containsString("modsuite_source_gaps_total{source=\"" + id + "\"")));
      pause(id);
    }
  }
}
