package org.modsuite.report.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.modsuite.support.security.Roles;

/**
 * Reads moderation-service's rule and policy management API with a token report-service signs for itself, one minute,
 * verified there through report-service's JWKS. The role is {@code compliance}, not {@code service}: moderation-service
 * lets only admin, moderator and compliance read rules and policy, and compliance is the one that can never write them.
 * Each call gives up after {@code modsuite.dashboard.moderation-timeout}, so a hanging moderation-service cannot hold
 * the page.
 */
@ApplicationScoped
public class ModerationClient {

  private final ModerationRestClient client;
  private final SelfIssuedBearer bearer;
  private final String baseUrl;
  private final Duration timeout;

  public ModerationClient(@RestClient ModerationRestClient client, SelfIssuedBearer bearer,
      @ConfigProperty(name = "modsuite.dashboard.moderation-url") String baseUrl,
      @ConfigProperty(name = "modsuite.dashboard.moderation-timeout", defaultValue = "5s") Duration timeout) {
    this.client = client;
    this.bearer = bearer;
    this.baseUrl = baseUrl;
    this.timeout = timeout;
  }

  /** Each language with rules and the version of its current rule set. */
  public Uni<Map<String, String>> rules() {
    return client.rules(bearer()).ifNoItem().after(timeout).fail();
  }

  /** Every version of a language's rules: the shipped file first, then oldest first. */
  public Uni<List<VersionInfo>> ruleVersions(String language) {
    return client.ruleVersions(bearer(), language).ifNoItem().after(timeout).fail();
  }

  /** The shadow rules of a language's current set with their counts (summed over the moderation replicas). */
  public Uni<List<ShadowRuleStats>> shadowRules(String language) {
    return client.shadow(bearer(), language).ifNoItem().after(timeout).fail();
  }

  /** The current policy's version and description. */
  public Uni<PolicySummary> policy() {
    return client.policy(bearer()).ifNoItem().after(timeout).fail();
  }

  /** Every version of the policy: the one the service started with first, then oldest first. */
  public Uni<List<VersionInfo>> policyVersions() {
    return client.policyVersions(bearer()).ifNoItem().after(timeout).fail();
  }

  /** Where moderation-service is expected, for the page that says it cannot be reached. */
  public String baseUrl() {
    return baseUrl;
  }

  private String bearer() {
    return bearer.header(Roles.COMPLIANCE);
  }
}
