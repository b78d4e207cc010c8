package org.modsuite.moderation.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;
import org.modsuite.moderation.service.AnalysisService;

/** Started once the lexicon, the classifier and the policy are loaded; reports the versions it runs. */
@Startup
@ApplicationScoped
public class AnalyserLoadedHealthCheck implements HealthCheck {

  private final AnalysisService analysis;

  public AnalyserLoadedHealthCheck(AnalysisService analysis) {
    this.analysis = analysis;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("analyser").up().withData("rulesVersion", analysis.rulesVersion())
        .withData("modelVersion", analysis.modelVersion()).withData("policyVersion", analysis.policyVersion()).build();
  }
}
