package org.modsuite.report.rest;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

/** Tokens from report-service's own token endpoint, for tests: the bootstrap admin, or a user made for the test. */
public final class Login {

  /** %test.modsuite.auth.admin-password */
  public static final String ADMIN_PASSWORD = "test-only-admin-password";

  private Login() {
  }

  public static Map<String, Object> tokens(String username, String password) {
    return given().contentType("application/x-www-form-urlencoded").formParam("username", username).formParam("password", password)
        .post("/api/v1/auth/token").then().statusCode(200).extract().jsonPath().getMap("");
  }

  public static String admin() {
    return (String) tokens("admin", ADMIN_PASSWORD).get("access_token");
  }

  /** Creates a user with the roles (organisation "test-ngo") and returns a token of it. */
  public static String newUser(String username, String password, List<String> roles) {
    given().auth().oauth2(admin()).contentType("application/json")
        .body(Map.of("username", username, "password", password, "roles", roles, "organisation", "test-ngo"))
        .post("/api/v1/users").then().statusCode(201);
    return (String) tokens(username, password).get("access_token");
  }
}
