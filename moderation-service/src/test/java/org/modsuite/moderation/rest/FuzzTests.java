package org.modsuite.moderation.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import io.quarkus.logging.Log;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.modsuite.localstack.ApiFuzzer;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.localstack.TestTokens;

/** Hostile input on every operation of the OpenAPI document: never a 5xx, every 400 a problem naming the field. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class FuzzTests {

  @TestHTTPResource("/")
  URL url;

  @Test
  void hostileInputIsAProblemNamingTheFieldNeverA5xx() throws Exception {
    ApiFuzzer.Report report = new ApiFuzzer(url.toString().replaceAll("/$", ""), RoleMatrixTests.DECISIONS, TestTokens::token).run();
    Log.info(report.summary());
    assertThat(report.violations()).isEmpty();
  }
}
