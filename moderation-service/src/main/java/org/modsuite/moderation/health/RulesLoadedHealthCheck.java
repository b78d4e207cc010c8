package org.modsuite.moderation.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.modsuite.moderation.repository.RuleRepository;
import org.modsuite.moderation.service.PolicyBook;
import org.modsuite.moderation.service.RuleBook;

/** Ready once moderation.rules has been read to its end (edited rules and policy installed), and while it is followed. */
@Readiness
@ApplicationScoped
public class RulesLoadedHealthCheck implements HealthCheck {

  private final RuleRepository repository;
  private final RuleBook rules;
  private final PolicyBook policy;

  public RulesLoadedHealthCheck(RuleRepository repository, RuleBook rules, PolicyBook policy) {
    this.repository = repository;
    this.rules = rules;
    this.policy = policy;
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("rules").status(repository.isFollowing()).withData("policy", policy.current().version());
    rules.versions().forEach(response::withData);
    return response.build();
  }
}
