package org.modsuite.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.modsuite.events.Topics;
import org.modsuite.localstack.KafkaProbe;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.localstack.TestTokens;
import org.modsuite.support.security.Roles;

/** POST /api/v1/imports: streamed JSONL and CSV uploads into the real posts.ingested. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ImportResourceTests {

  private final KafkaProbe kafka = new KafkaProbe(LocalStackTestResource.shared().bootstrapServers());

  private static String token() {
    return "Bearer " + TestTokens.token(Roles.SERVICE);
  }

  private static String row(String run, int i) {
    return "{\"platform\":\"import\",\"sourceId\":\"" + run + "-" + i + "\",\"text\":\"Imported post number " + i
        + "\",\"language\":\"en\",\"createdAt\":\"2026-11-20T10:00:00Z\",\"authorId\":\"user-" + (i % 97) + "\"}\n";
  }

  @Test
  void aJsonlUploadPublishesGoodRowsAndRejectsBadOnesWithLineNumbers() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String body = row(run, 1) + row(run, 2).replace("2026-11-20T10:00:00Z", "yesterday") + "\n" + "not json at all\n" + row(run, 3)
        + row(run, 4).replace("\"text\":\"Imported post number 4\"", "\"text\":\"   \"");
    JsonPath result = given().header("Authorization", token()).contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
        .when().post("/api/v1/imports")
        .then().statusCode(201).body("status", equalTo("completed")).body("format", equalTo("jsonl"))
        .body("rowsRead", equalTo(5)).body("published", equalTo(2)).body("rejected", equalTo(3))
        .body("rejections.line", hasItem(2)).body("rejections.line", hasItem(4)).body("rejections.line", hasItem(6))
        .extract().jsonPath();
    assertThat(result.getString("rejections.find { it.line == 2 }.reason")).startsWith("createdAt");
    assertThat(result.getString("rejections.find { it.line == 6 }.reason")).startsWith("text");
    given().header("Authorization", token()).get("/api/v1/imports/" + result.getString("id")).then().statusCode(200).body("published", equalTo(2));
    given().header("Authorization", token()).get("/api/v1/imports").then().statusCode(200).body("id", hasItem(result.getString("id")));
    assertThat(kafka.collect(Topics.POSTS_INGESTED, r -> r.key().startsWith("import:" + run + "-"), 10, Duration.ofSeconds(5))).hasSize(2);
  }

  @Test
  void aCsvUploadWithAHeaderRow() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String csv = "platform,sourceId,text,createdAt,language,url\n"
        + "forum," + run + "-1,\"Hello, neighbours \"\"welcome\"\"\",2026-11-20T10:00:00Z,de,https://forum.example/1\n"
        + "forum," + run + "-2,missing date,,en,\n"
        + "forum," + run + "-3,\"line one\nline two\",2026-11-20T10:01:00Z,,\n";
    given().header("Authorization", token()).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
        .when().post("/api/v1/imports")
        .then().statusCode(201).body("format", equalTo("csv")).body("rowsRead", equalTo(3)).body("published", equalTo(2))
        .body("rejected", equalTo(1)).body("rejections[0].line", equalTo(3)).body("rejections[0].reason", equalTo("createdAt: must not be null"));
    assertThat(kafka.collect(Topics.POSTS_INGESTED, r -> r.key().startsWith("forum:" + run + "-"), 10, Duration.ofSeconds(5)))
        .hasSize(2).anyMatch(r -> r.value().contains("Hello, neighbours \\\"welcome\\\""));
  }

  @Test
  void anImportOf100000RowsCompletesWithCorrectCounts() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    ByteArrayOutputStream upload = new ByteArrayOutputStream();
    for (int i = 0; i < 100_000; i++) {
      String line = i % 10_000 == 5 ? "{\"platform\":\"import\",\"text\":\"no id\"}\n" : row(run, i);
      upload.writeBytes(line.getBytes(StandardCharsets.UTF_8));
    }
    JsonPath result = given().header("Authorization", token()).contentType("application/x-ndjson").body(upload.toByteArray())
        .when().post("/api/v1/imports")
        .then().statusCode(201).body("status", equalTo("completed")).body("rowsRead", equalTo(100_000))
        .body("published", equalTo(99_990)).body("rejected", equalTo(10)).extract().jsonPath();
    System.out.printf("import of 100,000 rows: %.0f rows/s%n", result.getDouble("rowsPerSecond"));
    assertThat(kafka.collect(Topics.POSTS_INGESTED, r -> r.key().startsWith("import:" + run + "-"), 100_000, Duration.ofSeconds(60)))
        .hasSize(99_990);
  }

  @Test
  void wrongContentTypesUnknownImportsAndOversizedJsonBodiesAreProblems() {
    given().header("Authorization", token()).contentType("application/xml").body("<posts/>".getBytes(StandardCharsets.UTF_8)).post("/api/v1/imports").then().statusCode(415);
    given().header("Authorization", token()).get("/api/v1/imports/" + UUID.randomUUID()).then().statusCode(404)
        .contentType("application/problem+json");
    byte[] big = new byte[16 * 1024 * 1024 + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    given().header("Authorization", token()).contentType("application/json").body(big).post("/api/v1/posts").then().statusCode(413)
        .contentType("application/problem+json");
  }
}
