package org.modsuite.report.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.support.security.Roles;

/** The dashboard's form login: CSRF-protected forms, an HttpOnly SameSite session cookie, logout. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class LoginPageTests {

  private static String csrfOf(Response page) {
    String html = page.asString();
    int at = html.indexOf("name=\"csrf\" value=\"") + "name=\"csrf\" value=\"".length();
    return html.substring(at, html.indexOf('"', at));
  }

  private static Response signIn(String username, String password) {
    Response form = given().get("/login");
    return given().redirects().follow(false).cookie("modsuite_csrf", form.getCookie("modsuite_csrf"))
        .contentType("application/x-www-form-urlencoded").formParam("username", username).formParam("password", password)
        .formParam("csrf", csrfOf(form)).post("/login");
  }

  @Test
  void theSignInPageHasALabelledFormAndACsrfToken() {
    Response page = given().get("/login");
    page.then().statusCode(200).contentType("text/html").body(containsString("<label for=\"username\">")).body(containsString("name=\"csrf\""));
    assertThat(page.getDetailedCookie("modsuite_csrf").isHttpOnly()).isTrue();
    assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'none'");
  }

  @Test
  void aSignedInUserGetsAStrictHttpOnlySessionCookieThatTheApiAccepts() {
    String user = "cookie-" + UUID.randomUUID().toString().substring(0, 8);
    Login.newUser(user, "a-cookie-password", List.of(Roles.COMPLIANCE));
    Response signedIn = signIn(user, "a-cookie-password");
    signedIn.then().statusCode(303).header("Location", containsString("/"));
    var session = signedIn.getDetailedCookie("modsuite_session");
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualToIgnoringCase("Strict");
    assertThat(session.getMaxAge()).isBetween(60L, 900L);

    given().cookie("modsuite_session", session.getValue()).get("/").then().statusCode(200).body(containsString(user));
    given().cookie("modsuite_session", session.getValue()).get("/api/v1/audit").then().statusCode(200);
    given().cookie("modsuite_session", session.getValue()).get("/api/v1/users").then().statusCode(403);
  }

  @Test
  void aWrongPasswordShowsTheFormAgainAndAMissingCsrfTokenIsRefused() {
    signIn("admin", "not-the-password").then().statusCode(401).body(containsString("not valid"));
    given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("username", "admin")
        .formParam("password", Login.ADMIN_PASSWORD).post("/login").then().statusCode(400);
  }

  @Test
  void signingOutClearsTheSession() {
    String session = signIn("admin", Login.ADMIN_PASSWORD).getCookie("modsuite_session");
    Response home = given().cookie("modsuite_session", session).get("/");
    Response out = given().redirects().follow(false).cookie("modsuite_session", session).cookie("modsuite_csrf", home.getCookie("modsuite_csrf"))
        .contentType("application/x-www-form-urlencoded").formParam("csrf", csrfOf(home)).post("/logout");
    out.then().statusCode(303).header("Location", containsString("/login"));
    assertThat(out.getDetailedCookie("modsuite_session").getMaxAge()).isZero();
    given().redirects().follow(false).get("/").then().statusCode(303).header("Location", containsString("/login"));
  }

  @Test
  void aWriteOnTheApiWithTheSessionCookieNeedsTheCsrfHeader() {
    Response form = given().get("/login");
    String csrf = form.getCookie("modsuite_csrf");
    String session = given().redirects().follow(false).cookie("modsuite_csrf", csrf).contentType("application/x-www-form-urlencoded")
        .formParam("username", "admin").formParam("password", Login.ADMIN_PASSWORD).formParam("csrf", csrfOf(form)).post("/login")
        .getCookie("modsuite_session");
    String body = "{\"username\":\"x\"}"; // invalid on purpose: past the CSRF check, the write is a 400

    given().cookie("modsuite_session", session).cookie("modsuite_csrf", csrf).contentType("application/json").body(body)
        .post("/api/v1/users").then().statusCode(403).contentType("application/problem+json")
        .body("errors[0].field", org.hamcrest.Matchers.equalTo("X-CSRF-Token"));
    given().cookie("modsuite_session", session).cookie("modsuite_csrf", csrf).header("X-CSRF-Token", "forged-forged-forged-forged")
        .contentType("application/json").body(body).post("/api/v1/users").then().statusCode(403);
    given().cookie("modsuite_session", session).cookie("modsuite_csrf", csrf).header("X-CSRF-Token", csrf)
        .contentType("application/json").body(body).post("/api/v1/users").then().statusCode(400);
    // A bearer token is not sent by a browser on its own: no CSRF header needed.
    given().header("Authorization", "Bearer " + session).contentType("application/json").body(body)
        .post("/api/v1/users").then().statusCode(400);
    // Reads need none either.
    given().cookie("modsuite_session", session).get("/api/v1/users").then().statusCode(200);
  }
}
