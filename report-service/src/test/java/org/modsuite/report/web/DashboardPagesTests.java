package org.modsuite.report.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.report.rest.Login;
import org.modsuite.support.security.Roles;

/** The pages' guards over HTTP: sign-in redirect, role refusals, CSRF, the strict CSP, language choice. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class DashboardPagesTests {

  @Inject
  AgroalDataSource db;

  private static final String CSP = "default-src 'none'; style-src 'self'; script-src 'self'";

  @Test
  void pagesNeedASignInAndTheRightRole() {
    for (String path : List.of("/queue", "/compliance", "/admin", "/notices/mine", "/settings", "/cases/" + UUID.randomUUID(),
        "/admin/users/" + UUID.randomUUID(), "/admin/flaggers/new", "/admin/flaggers/" + UUID.randomUUID())) {
      given().redirects().follow(false).get(path).then().statusCode(303).header("Location", containsString("/login"));
    }
    String flagger = Login.newUser("tf-" + UUID.randomUUID().toString().substring(0, 8), "a-flagger-password", List.of(Roles.TRUSTED_FLAGGER));
    for (String path : List.of("/queue", "/compliance", "/admin", "/admin/users/" + UUID.randomUUID(), "/admin/flaggers/new")) {
      given().cookie("modsuite_session", flagger).get(path).then().statusCode(403).contentType("text/html").body(containsString("Not allowed"));
    }
    given().cookie("modsuite_session", flagger).get("/notices/mine").then().statusCode(200).body(not(containsString("href=\"/queue\"")));
  }

  @Test
  void postsWithoutTheCsrfTokenAreRefused() {
    String moderator = Login.newUser("mod-" + UUID.randomUUID().toString().substring(0, 8), "a-moderator-password", List.of(Roles.MODERATOR));
    given().cookie("modsuite_session", moderator).contentType("application/x-www-form-urlencoded").formParam("csrf", "forged")
        .cookie("modsuite_csrf", "another-value-entirely").post("/queue/next").then().statusCode(400).body(containsString("expired"));
    given().contentType("application/x-www-form-urlencoded").formParam("explanation", "no token at all in this form")
        .post("/notices/new").then().statusCode(400);
    String admin = Login.admin();
    for (String path : List.of("/admin/users/" + UUID.randomUUID(), "/admin/flaggers", "/admin/flaggers/" + UUID.randomUUID())) {
      given().cookie("modsuite_session", admin).cookie("modsuite_csrf", "the-cookie-value-0123456789").contentType("application/x-www-form-urlencoded")
          .formParam("csrf", "forged-value-0123456789abc").formParam("roles", "moderator").post(path).then().statusCode(400)
          .body(containsString("expired"));
    }
  }

  @Test
  void complianceOfficersReadCasesButCannotWorkThem() throws Exception {
    String officer = Login.newUser("comp-" + UUID.randomUUID().toString().substring(0, 8), "a-compliance-password", List.of(Roles.COMPLIANCE));
    String flagger = Login.newUser("tf-" + UUID.randomUUID().toString().substring(0, 8), "a-flagger-password", List.of(Roles.TRUSTED_FLAGGER));
    UUID unknown = UUID.randomUUID();
    given().cookie("modsuite_session", officer).get("/cases/" + unknown).then().statusCode(404).contentType("text/html");
    given().cookie("modsuite_session", flagger).get("/cases/" + unknown).then().statusCode(403);
    UUID open = CaseRows.severeCase(db, "test:" + UUID.randomUUID(), "A post for the read-only check.", "post", 10);
    given().cookie("modsuite_session", officer).get("/cases/" + open).then().statusCode(200).body(containsString("id=\"read-only\""))
        .body(not(containsString("action=\"/cases/" + open + "/claim\"")));
    for (String action : List.of("claim", "release", "decision")) {
      given().cookie("modsuite_session", officer).cookie("modsuite_csrf", "the-cookie-value-0123456789").contentType("application/x-www-form-urlencoded")
          .formParam("csrf", "the-cookie-value-0123456789").post("/cases/" + open + "/" + action).then().statusCode(403);
    }
    String moderator = Login.newUser("mod-" + UUID.randomUUID().toString().substring(0, 8), "a-moderator-password", List.of(Roles.MODERATOR));
    given().cookie("modsuite_session", moderator).cookie("modsuite_csrf", "the-cookie-value-0123456789").contentType("application/x-www-form-urlencoded")
        .formParam("csrf", "the-cookie-value-0123456789").redirects().follow(false).post("/cases/" + open + "/claim").then().statusCode(303);
    given().cookie("modsuite_session", officer).redirects().follow(false).get("/compliance/case?id=" + unknown).then().statusCode(303)
        .header("Location", containsString("/cases/" + unknown));
    given().cookie("modsuite_session", officer).get("/compliance/case?id=not-a-case").then().statusCode(400).contentType("text/html")
        .body(containsString("a case id"));
  }

  @Test
  void unknownUsersAndRegisterEntriesAreNotFoundPages() {
    String admin = Login.admin();
    given().cookie("modsuite_session", admin).get("/admin/users/" + UUID.randomUUID()).then().statusCode(404).contentType("text/html");
    given().cookie("modsuite_session", admin).get("/admin/flaggers/" + UUID.randomUUID()).then().statusCode(404).contentType("text/html");
  }

  @Test
  void pagesCarryTheStrictPolicyAndSpeakTheBrowsersLanguage() {
    given().header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5").get("/notices/new").then().statusCode(200)
        .header("Content-Security-Policy", containsString(CSP)).header("Content-Language", "de")
        .body(containsString("<html lang=\"de\">")).body(containsString("Rechtswidrige Inhalte melden")).body(not(containsString("<script>")));
    given().header("Accept-Language", "fr").cookie("modsuite_lang", "de").get("/notices/new").then().body(containsString("lang=\"de\""));
    given().header("Accept-Language", "fr").get("/notices/new").then().body(containsString("lang=\"en\""));
  }

  @Test
  void anUnknownNoticeStatusIsANotFoundPage() {
    given().get("/notices/" + UUID.randomUUID() + "/status?token=wrong").then().statusCode(404).contentType("text/html");
  }
}
