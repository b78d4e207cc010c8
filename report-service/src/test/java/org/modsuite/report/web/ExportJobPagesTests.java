package org.modsuite.report.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.report.rest.Login;
import org.modsuite.support.security.Roles;

/** Exports with progress: start from the form, follow the job page until the file is ready, download the same rows as the API. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ExportJobPagesTests {

  private static final String CSRF = "a-csrf-token-of-the-test-0123";
  private static final int LONG_EXPORT_ROWS = 100_000;

  @Inject
  AgroalDataSource db;

  @Test
  void aComplianceOfficerStartsAnExportFollowsItsProgressAndDownloadsIt() {
    String officer = Login.newUser("comp-" + UUID.randomUUID().toString().substring(0, 8), "a-compliance-password", List.of(Roles.COMPLIANCE));
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String from = LocalDate.now(ZoneOffset.UTC).minusDays(30).toString();
    String job = given().cookie("modsuite_session", officer).cookie("modsuite_csrf", CSRF).redirects().follow(false)
        .contentType("application/x-www-form-urlencoded").formParam("csrf", CSRF).formParam("kind", "audit").formParam("format", "csv")
        .formParam("from", from).formParam("to", today)
        .post("/compliance/exports").then().statusCode(303).extract().header("Location");
    assertThat(job).matches(".*/compliance/exports/[0-9a-f-]{36}$");
    String path = job.replaceFirst("^https?://[^/]+", "");

    Response page = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
        () -> given().cookie("modsuite_session", officer).get(path), r -> r.asString().contains("id=\"export-download\""));
    assertThat(page.asString()).contains("rows written").doesNotContain("http-equiv=\"refresh\"");
    Response file = given().cookie("modsuite_session", officer).get(path + "/file");
    file.then().statusCode(200).contentType(containsString("text/csv"))
        .header("Content-Disposition", containsString("audit-" + from + "-" + today + ".csv"));
    assertThat(file.asString()).startsWith("id,at,actor,role,action,target").contains("export.audit");
    // The job's rows: the header and one line per audit row counted (free text never breaks a CSV line here).
    String rows = page.asString().replaceAll("(?s).*id=\"export-rows\"[^>]*>([0-9,]+) of ([0-9,]+) rows.*", "$1/$2");
    assertThat(rows).matches("[0-9,]+/[0-9,]+");
    assertThat(rows.split("/")[0]).isEqualTo(rows.split("/")[1]);
  }

  @Test
  void aLongExportShowsItsProgressBeforeTheFileIsReady() throws Exception {
    String prefix = "test:export-progress-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    CaseRows.manyCases(db, prefix, LONG_EXPORT_ROWS);
    try {
      String officer = Login.newUser("comp-" + UUID.randomUUID().toString().substring(0, 8), "a-compliance-password", List.of(Roles.COMPLIANCE));
      String today = LocalDate.now(ZoneOffset.UTC).toString();
      String from = LocalDate.now(ZoneOffset.UTC).minusDays(2).toString();
      long started = System.nanoTime();
      String job = given().cookie("modsuite_session", officer).cookie("modsuite_csrf", CSRF).redirects().follow(false)
          .contentType("application/x-www-form-urlencoded").formParam("csrf", CSRF).formParam("kind", "cases").formParam("format", "xlsx")
          .formParam("from", from).formParam("to", today)
          .post("/compliance/exports").then().statusCode(303).extract().header("Location").replaceFirst("^https?://[^/]+", "");
      List<String> seen = new java.util.ArrayList<>();
      String page = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
        String html = given().cookie("modsuite_session", officer).get(job).asString();
        String rows = html.replaceAll("(?s).*id=\"export-rows\"[^>]*>([^<]*)<.*", "$1");
        if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(rows)) {
          seen.add(rows);
        }
        return html;
      }, html -> html.contains("id=\"export-download\""));
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("export job: cases as XLSX, %s ready after %.1f s; %d different progress lines seen on the page%n",
          page.replaceAll("(?s).*id=\"export-rows\"[^>]*>([^<]*)<.*", "$1"), seconds, seen.size());
      // A reader of the page saw the rows grow before the file was ready: at least one line between the first and the last.
      assertThat(seen.stream().filter(line -> line.matches("[1-9][0-9,]* of [0-9,]+ rows written.")).count()).isGreaterThanOrEqualTo(2);
      given().cookie("modsuite_session", officer).get(job + "/file").then().statusCode(200)
          .contentType(containsString("spreadsheetml"));
    } finally {
      CaseRows.deleteCases(db, prefix);
    }
  }

  @Test
  void aJobIsOnlyForItsOwnerAndBadInputIsNamed() {
    String officer = Login.newUser("comp-" + UUID.randomUUID().toString().substring(0, 8), "a-compliance-password", List.of(Roles.COMPLIANCE));
    String other = Login.newUser("comp-" + UUID.randomUUID().toString().substring(0, 8), "a-compliance-password", List.of(Roles.COMPLIANCE));
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String job = given().cookie("modsuite_session", officer).cookie("modsuite_csrf", CSRF).redirects().follow(false)
        .contentType("application/x-www-form-urlencoded").formParam("csrf", CSRF).formParam("kind", "cases").formParam("format", "xlsx")
        .formParam("from", today).formParam("to", today)
        .post("/compliance/exports").then().statusCode(303).extract().header("Location").replaceFirst("^https?://[^/]+", "");
    given().cookie("modsuite_session", other).get(job).then().statusCode(404);
    given().cookie("modsuite_session", other).get(job + "/file").then().statusCode(404);
    given().cookie("modsuite_session", officer).get("/compliance/exports/" + UUID.randomUUID()).then().statusCode(404);

    given().cookie("modsuite_session", officer).cookie("modsuite_csrf", CSRF).contentType("application/x-www-form-urlencoded")
        .formParam("csrf", CSRF).formParam("kind", "passwords").formParam("format", "csv").formParam("from", today).formParam("to", today)
        .post("/compliance/exports").then().statusCode(400).contentType("text/html").body(containsString("statements, cases"));
    given().cookie("modsuite_session", officer).cookie("modsuite_csrf", CSRF).contentType("application/x-www-form-urlencoded")
        .formParam("csrf", CSRF).formParam("kind", "cases").formParam("format", "csv").formParam("from", "yesterday").formParam("to", today)
        .post("/compliance/exports").then().statusCode(400);
    given().cookie("modsuite_session", officer).cookie("modsuite_csrf", "another-cookie-value-000000").contentType("application/x-www-form-urlencoded")
        .formParam("csrf", CSRF).formParam("kind", "cases").formParam("format", "csv").formParam("from", today).formParam("to", today)
        .post("/compliance/exports").then().statusCode(400).body(containsString("expired"));

    String moderator = Login.newUser("mod-" + UUID.randomUUID().toString().substring(0, 8), "a-moderator-password", List.of(Roles.MODERATOR));
    given().cookie("modsuite_session", moderator).cookie("modsuite_csrf", CSRF).contentType("application/x-www-form-urlencoded")
        .formParam("csrf", CSRF).formParam("kind", "cases").formParam("format", "csv").formParam("from", today).formParam("to", today)
        .post("/compliance/exports").then().statusCode(403);
    given().cookie("modsuite_session", moderator).get(job).then().statusCode(403);
  }
}
