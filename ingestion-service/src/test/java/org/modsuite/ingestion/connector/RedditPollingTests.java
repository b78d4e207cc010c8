package org.modsuite.ingestion.connector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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

/** Reddit listings with an application-only token from a local Reddit, publishing to the real posts.ingested of local-stack. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class RedditPollingTests {

  private static final String AGENT = "server:org.example.ingest:0.3.0 (by /u/example_research)";

  private final IngestedPosts ingested = new IngestedPosts();

  private static String admin() {
    return "Bearer " + TestTokens.token(Roles.ADMIN);
  }

  private static String createSource(FakeReddit reddit, String listing, String secret) {
    String id = "rd-" + UUID.randomUUID().toString().substring(0, 8);
    given().header("Authorization", admin()).contentType(ContentType.JSON)
        .body(("{\"id\":\"%s\",\"type\":\"reddit\",\"settings\":{\"subreddit\":\"exampletown\",\"listing\":\"%s\",\"userAgent\":\"%s\","
            + "\"apiBase\":\"%s\",\"tokenUrl\":\"%s/api/v1/access_token\"},\"intervalSeconds\":5,\"secret\":\"%s\"}")
            .formatted(id, listing, AGENT, reddit.baseUrl(), reddit.baseUrl(), secret))
        .post("/api/v1/sources").then().statusCode(201);
    return id;
  }

  @Test
  void postsAreCreatedEditedAndDeletedAcrossATokenRefreshAndCommentsKeepTheirThread() {
    try (FakeReddit reddit = new FakeReddit("cid-" + UUID.randomUUID(), "secret-value")) {
      String id = createSource(reddit, "new", fakeCredentials(reddit));
      PostEvent created = ingested.of(id, 1).get(0);
      assertThat(created.postUid()).isEqualTo("reddit:t3_1jb2x7q");
      assertThat(created.op()).isEqualTo(PostOp.CREATE);
      assertThat(created.text()).isEqualTo("Residence permit renewal office moved?\n\nDoes anyone know which office handles residence-permit "
          + "renewals now? The website still lists the old address.");
      assertThat(created.createdAt()).isEqualTo(Instant.ofEpochSecond(1741946527));
      assertThat(created.url()).isEqualTo("https://www.reddit.com/r/exampletown/comments/1jb2x7q/residence_permit_renewal_office_moved/");
      assertThat(created.authorId()).startsWith("a1:").doesNotContain("8xyzab1");

      // Edited, and the token revoked: one 401, one new token, the edit arrives as an update.
      reddit.revokeTokens();
      reddit.postData().put("selftext", "Found it: the office moved to Main Street.").put("edited", 1741948800.0);
      List<PostEvent> edited = ingested.of(id, 2);
      assertThat(edited).extracting(PostEvent::op).containsExactly(PostOp.CREATE, PostOp.UPDATE);
      assertThat(edited.get(1).editedAt()).isEqualTo(Instant.ofEpochSecond(1741948800));
      assertThat(reddit.tokensIssued()).isEqualTo(2);

      reddit.postData().put("selftext", "[deleted]").put("author", "[deleted]").remove("author_fullname");
      List<PostEvent> deleted = ingested.of(id, 3);
      assertThat(deleted).extracting(PostEvent::op).containsExactly(PostOp.CREATE, PostOp.UPDATE, PostOp.DELETE);
      assertThat(deleted.get(2).text()).isEmpty();
      assertThat(reddit.calls()).allMatch(c -> c.endsWith(AGENT));

      String comments = createSource(reddit, "comments", fakeCredentials(reddit));
      PostEvent comment = ingested.of(comments, 1).get(0);
      assertThat(comment.postUid()).isEqualTo("reddit:t1_mh4k2a9");
      assertThat(comment.parentUid()).isEqualTo("reddit:t3_1jb2x7q");
      assertThat(comment.threadUid()).isEqualTo("reddit:t3_1jb2x7q");
      assertThat(comment.op()).as("edited is a float: an update").isEqualTo(PostOp.UPDATE);
      for (String source : List.of(id, comments)) {
        given().header("Authorization", admin()).post("/api/v1/sources/" + source + "/pause").then().statusCode(200);
      }
    }
  }

  private static String fakeCredentials(FakeReddit reddit) {
    return reddit.clientId() + ":secret-value";
  }

  @Test
  void withoutApprovedCredentialsThereIsNoRedditSource() {
    given().header("Authorization", admin()).contentType(ContentType.JSON)
        .body("{\"id\":\"rd-bad\",\"type\":\"reddit\",\"settings\":{\"subreddit\":\"r/exampletown\",\"userAgent\":\"Java\"},\"intervalSeconds\":60}")
        .post("/api/v1/sources").then().statusCode(400)
        .body("errors.field", org.hamcrest.Matchers.hasItems("secret", "settings.subreddit", "settings.userAgent"));
  }
}
