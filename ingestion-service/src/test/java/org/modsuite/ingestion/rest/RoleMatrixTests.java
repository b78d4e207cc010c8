package org.modsuite.ingestion.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.localstack.RoleMatrix;
import org.modsuite.localstack.TestTokens;
import org.modsuite.support.security.Roles;

/** Every operation of the OpenAPI document × every role and bad token gets the declared answer. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class RoleMatrixTests {

  static final Set<String> READERS = Set.of(Roles.ADMIN, Roles.MODERATOR, Roles.COMPLIANCE, Roles.SERVICE);

  /** Who may call what. A new operation fails this test until it is added here. */
  static final Map<String, Set<String>> DECISIONS = Map.ofEntries(
      Map.entry("POST /api/v1/posts", Set.of(Roles.SERVICE, Roles.ADMIN)),
      Map.entry("GET /api/v1/sources", READERS),
      Map.entry("GET /api/v1/sources/{id}", READERS),
      Map.entry("POST /api/v1/sources", Set.of(Roles.ADMIN)),
      Map.entry("PUT /api/v1/sources/{id}", Set.of(Roles.ADMIN)),
      Map.entry("DELETE /api/v1/sources/{id}", Set.of(Roles.ADMIN)),
      Map.entry("POST /api/v1/sources/{id}/pause", Set.of(Roles.ADMIN)),
      Map.entry("POST /api/v1/sources/{id}/resume", Set.of(Roles.ADMIN)),
      Map.entry("POST /api/v1/sources/test", Set.of(Roles.ADMIN)),
      Map.entry("POST /api/v1/imports", Set.of(Roles.SERVICE, Roles.ADMIN)),
      Map.entry("GET /api/v1/imports", Set.of(Roles.SERVICE, Roles.ADMIN)),
      Map.entry("GET /api/v1/imports/{id}", Set.of(Roles.SERVICE, Roles.ADMIN)),
      Map.entry("GET /api/v1/enforcements", Set.of(Roles.ADMIN, Roles.MODERATOR, Roles.COMPLIANCE)),
      // Signed with the webhook source's secret instead of a token.
      Map.entry("POST /api/v1/webhooks/{source}", Set.of(RoleMatrix.ANONYMOUS)));

  @TestHTTPResource("/")
  URL url;

  @Test
  void everyOperationAnswersEveryRoleAndBadTokenAsDeclared() throws Exception {
    String base = url.toString().replaceAll("/$", "");
    RoleMatrix matrix = new RoleMatrix(base, DECISIONS, Roles.ALL);
    assertThat(matrix.violations(TestTokens::token, TestTokens.badTokens())).isEmpty();
  }

  @Test
  void theMatrixCatchesAWrongDecisionAndAnUndeclaredOperation() throws Exception {
    String base = url.toString().replaceAll("/$", "");
    RoleMatrix wrong = new RoleMatrix(base, Map.of("POST /api/v1/posts", Set.of(Roles.COMPLIANCE), "GET /api/v1/nothing", Set.of(Roles.ADMIN)),
        Roles.ALL);
    assertThat(wrong.violations(TestTokens::token, Map.of()))
        .anyMatch(v -> v.startsWith("POST /api/v1/posts with role compliance: got 403"))
        .anyMatch(v -> v.startsWith("POST /api/v1/posts with role service: got 400"))
        .anyMatch(v -> v.startsWith("GET /api/v1/nothing: declared but not in the OpenAPI document"));
  }
}
