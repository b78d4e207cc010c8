package org.modsuite.report.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import org.junit.jupiter.api.Test;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.report.service.RetentionJob;
import org.modsuite.report.service.Secrets;

/** Art. 23 counting, warning before suspension, a suspended notifier refused; and retention pseudonymising contact data. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class MisuseAndRetentionTests {

  @Inject
  RetentionJob retention;

  @Inject
  AgroalDataSource dataSource;

  @Test
  void aNotifierOfManifestlyUnfoundedNoticesIsWarnedThenSuspended() {
    String email = "spammer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    String moderator = NoticeToDecisionTests.moderator();
    for (int i = 0; i < 2; i++) {
      Map<String, Object> notice = new HashMap<>(NoticeToDecisionTests.notice("test:" + UUID.randomUUID()));
      notice.put("notifierEmail", email);
      String caseId = given().contentType("application/json").body(notice).post("/api/v1/notices").then().statusCode(201)
          .extract().path("items[0].caseId");
      given().auth().oauth2(moderator).post("/api/v1/cases/" + caseId + "/claim").then().statusCode(200);
      given().auth().oauth2(moderator).contentType("application/json").body(Map.of("action", "no_action", "explanation",
          "A recipe for apple pie, nothing illegal.", "noticesManifestlyUnfounded", true)).post("/api/v1/cases/" + caseId + "/decisions")
          .then().statusCode(201);
    }
    String subject = Secrets.sha256(email);
    List<String> subjects = given().auth().oauth2(moderator).queryParam("minCount", 2).get("/api/v1/misuse/candidates").then().statusCode(200)
        .extract().jsonPath().getList("subject");
    assertThat(subjects).contains(subject);

    Map<String, Object> suspension = Map.of("subjectKind", "notifier", "subject", subject, "reason", "manifestly_unfounded_notices",
        "measure", "suspension", "days", 7, "explanation", "Two manifestly unfounded notices of two in 90 days (100 %).");
    given().auth().oauth2(moderator).contentType("application/json").body(suspension).post("/api/v1/misuse/measures").then().statusCode(409);
    Map<String, Object> warning = new HashMap<>(suspension);
    warning.put("measure", "warning");
    given().auth().oauth2(moderator).contentType("application/json").body(warning).post("/api/v1/misuse/measures").then().statusCode(201);
    given().auth().oauth2(moderator).contentType("application/json").body(suspension).post("/api/v1/misuse/measures").then().statusCode(201)
        .body("until", org.hamcrest.Matchers.notNullValue());

    Map<String, Object> another = new HashMap<>(NoticeToDecisionTests.notice("test:" + UUID.randomUUID()));
    another.put("notifierEmail", email.toUpperCase());
    given().contentType("application/json").body(another).post("/api/v1/notices").then().statusCode(422).body("detail",
        org.hamcrest.Matchers.containsString("Art. 23"));
    given().auth().oauth2(moderator).contentType("application/json").body(Map.of("measure", "banishment")).post("/api/v1/misuse/measures")
        .then().statusCode(400);
  }

  @Test
  void retentionPseudonymisesContactsAndErasesOldPostText() throws Throwable {
    String postUid = "test:" + UUID.randomUUID();
    String noticeId = given().contentType("application/json").body(NoticeToDecisionTests.notice(postUid)).post("/api/v1/notices")
        .then().statusCode(201).extract().path("noticeId");
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO post (post_uid, platform, text, created_at, version, received_at) VALUES ('" + postUid
          + "', 'test', 'some old text', now(), 1, now())");
    }
    VertxContextSupport.subscribeAndAwait(() -> retention.apply(Instant.now().plus(Duration.ofDays(500))));
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      ResultSet contact = s.executeQuery("SELECT name, email, pseudonymised_at FROM notice_contact WHERE notice_id = '" + noticeId + "'");
      contact.next();
      assertThat(contact.getString(1)).isNull();
      assertThat(contact.getString(2)).isEqualTo(Secrets.sha256("nora@example.org"));
      assertThat(contact.getTimestamp(3)).isNotNull();
      ResultSet post = s.executeQuery("SELECT text FROM post WHERE post_uid = '" + postUid + "'");
      post.next();
      assertThat(post.getString(1)).isEmpty();
    }
    given().auth().oauth2(NoticeToDecisionTests.moderator()).get("/api/v1/misuse/measures").then().statusCode(200);
    given().auth().oauth2(Login.admin()).get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
  }
}
