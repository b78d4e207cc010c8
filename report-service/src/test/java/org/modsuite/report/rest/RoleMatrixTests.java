package org.modsuite.report.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.localstack.RoleMatrix;
import org.modsuite.localstack.TestTokens;
import org.modsuite.report.service.TokenService;
import org.modsuite.support.security.Roles;

/** Every operation of report-service's OpenAPI document × every role and bad token, with real users and tokens. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class RoleMatrixTests {

  private static final Set<String> CASE_READERS = Set.of(Roles.MODERATOR, Roles.ADMIN, Roles.COMPLIANCE);
  private static final Set<String> DECIDERS = Set.of(Roles.MODERATOR, Roles.ADMIN);

  /** Who may call what. A new operation fails this test until it is added here. */
  static final Map<String, Set<String>> DECISIONS = Map.ofEntries(
      Map.entry("POST /api/v1/auth/token", Set.of(RoleMatrix.ANONYMOUS)),
      Map.entry("GET /.well-known/jwks.json", Set.of(RoleMatrix.ANONYMOUS)),
      Map.entry("GET /", Set.of(RoleMatrix.ANONYMOUS)),
      Map.entry("GET /login", Set.of(RoleMatrix.ANONYMOUS)),
      Map.entry("POST /login", Set.of(RoleMatrix.ANONYMOUS)),
      Map.entry("POST /logout", Set.of(RoleMatrix.ANONYMOUS)),
      Map.entry("GET /api/v1/cases", CASE_READERS),
      Map.entry("GET /api/v1/cases/{id}", CASE_READERS),
      Map.entry("POST /api/v1/cases/{id}/claim", DECIDERS),
      Map.entry("DELETE /api/v1/cases/{id}/claim", DECIDERS),
      Map.entry("POST /api/v1/cases/{id}/decisions", DECIDERS),
      Map.entry("GET /api/v1/decisions/{id}", Set.of(Roles.MODERATOR, Roles.ADMIN, Roles.COMPLIANCE, Roles.SERVICE)),
      Map.entry("POST /api/v1/notices", Set.of(RoleMatrix.ANONYMOUS)),
      Map.entry("GET /api/v1/notices/{id}/status", Set.of(RoleMatrix.ANONYMOUS)),
      Map.entry("GET /api/v1/notices", Set.of(Roles.MODERATOR, Roles.ADMIN, Roles.COMPLIANCE, Roles.TRUSTED_FLAGGER)),
      Map.entry("GET /api/v1/audit/verify", Set.of(Roles.ADMIN, Roles.COMPLIANCE)),
      Map.entry("POST /api/v1/complaints", Set.of(RoleMatrix.ANONYMOUS)),
      Map.entry("GET /api/v1/complaints/{id}/status", Set.of(RoleMatrix.ANONYMOUS)),
      Map.entry("GET /api/v1/complaints", CASE_READERS),
      Map.entry("POST /api/v1/complaints/{id}/outcome", DECIDERS),
      Map.entry("GET /api/v1/trusted-flaggers", CASE_READERS),
      Map.entry("GET /api/v1/exports/{kind}", Set.of(Roles.ADMIN, Roles.COMPLIANCE)),
      Map.entry("GET /api/v1/reports/transparency", Set.of(Roles.ADMIN, Roles.COMPLIANCE)),
      Map.entry("GET /api/v1/clocks", CASE_READERS),
      Map.entry("GET /api/v1/misuse/candidates", CASE_READERS),
      Map.entry("GET /api/v1/misuse/measures", CASE_READERS),
      Map.entry("POST /api/v1/misuse/measures", DECIDERS),
      Map.entry("POST /api/v1/trusted-flaggers", Set.of(Roles.ADMIN)),
      Map.entry("PATCH /api/v1/trusted-flaggers/{id}", Set.of(Roles.ADMIN)),
      Map.entry("GET /api/v1/users", Set.of(Roles.ADMIN)),
      Map.entry("POST /api/v1/users", Set.of(Roles.ADMIN)),
      Map.entry("PATCH /api/v1/users/{id}", Set.of(Roles.ADMIN)),
      Map.entry("POST /api/v1/users/{id}/password-reset", Set.of(Roles.ADMIN)),
      Map.entry("GET /api/v1/api-keys", Set.of(Roles.ADMIN)),
      Map.entry("POST /api/v1/api-keys", Set.of(Roles.ADMIN)),
      Map.entry("DELETE /api/v1/api-keys/{id}", Set.of(Roles.ADMIN)),
      Map.entry("GET /api/v1/audit", Set.of(Roles.ADMIN, Roles.COMPLIANCE)),
      Map.entry("GET /api/v1/statements", Set.of(Roles.ADMIN, Roles.COMPLIANCE)),
      Map.entry("GET /api/v1/statements/transparency-db", Set.of(Roles.ADMIN, Roles.COMPLIANCE)),
      Map.entry("GET /api/v1/statements/{puid}", Set.of(Roles.ADMIN, Roles.COMPLIANCE, Roles.SERVICE)),
      Map.entry("POST /api/v1/statements/{puid}/retry", Set.of(Roles.ADMIN)));

  @TestHTTPResource("/")
  URL url;

  @Inject
  TokenService tokens;

  @Test
  void everyOperationAnswersEveryRoleAndBadTokenAsDeclared() throws Exception {
    Map<String, String> tokenOfRole = new HashMap<>();
    for (String role : Roles.ALL) {
      tokenOfRole.put(role, Login.newUser(role.replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8), "a-matrix-password",
          List.of(role)));
    }
    String moderator = tokenOfRole.get(Roles.MODERATOR);
    RoleMatrix matrix = new RoleMatrix(url.toString().replaceAll("/$", ""), DECISIONS, Roles.ALL);
    assertThat(matrix.violations(tokenOfRole::get, Map.of(
        "expired token", tokens.accessToken("admin", List.of(Roles.ADMIN), null, Duration.ofMinutes(-10)),
        "token valid for ten years", tokens.accessToken("admin", List.of(Roles.ADMIN), null, Duration.ofDays(3653)),
        "token of another key", TestTokens.foreign(Roles.ADMIN),
        "token with a tampered role", TestTokens.tampered(moderator, Roles.ADMIN)))).isEmpty();
  }
}
