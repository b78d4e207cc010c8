package org.modsuite.moderation.rest;

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

  /** Rules and policy: admins change them; admins, moderators and compliance read them. */
  private static final Set<String> READERS = Set.of(Roles.ADMIN, Roles.MODERATOR, Roles.COMPLIANCE);
  private static final Set<String> ADMIN = Set.of(Roles.ADMIN);

  /** Who may call what. A new operation fails this test until it is added here. */
  static final Map<String, Set<String>> DECISIONS = Map.ofEntries(
      Map.entry("POST /api/v1/analyses", Set.of(Roles.SERVICE, Roles.ADMIN, Roles.MODERATOR)),
      Map.entry("GET /api/v1/rules", READERS),
      Map.entry("GET /api/v1/rules/{lang}", READERS),
      Map.entry("PUT /api/v1/rules/{lang}", ADMIN),
      Map.entry("GET /api/v1/rules/{lang}/versions", READERS),
      Map.entry("GET /api/v1/rules/{lang}/versions/{version}", READERS),
      Map.entry("GET /api/v1/rules/{lang}/rules/{ruleId}", READERS),
      Map.entry("PUT /api/v1/rules/{lang}/rules/{ruleId}", ADMIN),
      Map.entry("PUT /api/v1/rules/{lang}/rules/{ruleId}/state", ADMIN),
      Map.entry("GET /api/v1/rules/{lang}/lexicons/{name}", READERS),
      Map.entry("PUT /api/v1/rules/{lang}/lexicons/{name}", ADMIN),
      Map.entry("GET /api/v1/rules/{lang}/shadow", READERS),
      Map.entry("GET /api/v1/policy", READERS),
      Map.entry("PUT /api/v1/policy", ADMIN),
      Map.entry("GET /api/v1/policy/versions", READERS),
      Map.entry("GET /api/v1/policy/versions/{version}", READERS));

  @TestHTTPResource("/")
  URL url;

  @Test
  void everyOperationAnswersEveryRoleAndBadTokenAsDeclared() throws Exception {
    String base = url.toString().replaceAll("/$", "");
    RoleMatrix matrix = new RoleMatrix(base, DECISIONS, Roles.ALL);
    assertThat(matrix.violations(TestTokens::token, TestTokens.badTokens())).isEmpty();
  }
}
