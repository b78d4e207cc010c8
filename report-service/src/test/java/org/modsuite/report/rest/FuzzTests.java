package org.modsuite.report.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.UUID;

import io.quarkus.logging.Log;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.modsuite.localstack.ApiFuzzer;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.support.security.Roles;

/** Hostile input on every operation of the OpenAPI document: never a 5xx, every 400 a problem naming the field. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class FuzzTests {

  @TestHTTPResource("/")
  URL url;

  @Test
  void hostileInputIsAProblemNamingTheFieldNeverA5xx() throws Exception {
    String flagger = Login.newUser("fuzz-flagger-" + UUID.randomUUID().toString().substring(0, 8), "a-fuzzing-password",
        List.of(Roles.TRUSTED_FLAGGER));
    // A fresh admin token per operation: report-service's tokens last 15 minutes.
    ApiFuzzer.Report report = new ApiFuzzer(url.toString().replaceAll("/$", ""), RoleMatrixTests.DECISIONS,
        role -> Roles.ADMIN.equals(role) ? Login.admin() : flagger).run();
    Log.info(report.summary());
    assertThat(report.violations()).isEmpty();
  }
}
