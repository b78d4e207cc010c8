package org.modsuite.moderation.rest;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.modsuite.support.security.Roles;
import org.modsuite.localstack.TestTokens;

/** Sends every REST Assured request of a test with an admin token ({@code @ExtendWith(AsAdmin.class)}). */
public class AsAdmin implements BeforeEachCallback, AfterEachCallback {

  @Override
  public void beforeEach(ExtensionContext context) {
    RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("Authorization", "Bearer " + TestTokens.token(Roles.ADMIN)).build();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    RestAssured.requestSpecification = null;
  }
}
