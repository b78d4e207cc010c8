package org.modsuite.report.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.modsuite.report.messaging.DatabaseWaits;

/**
 * DOWN while a Kafka consumer retries a store because the database is away. Readiness only: the consumer is not
 * broken and resumes by itself, so liveness stays UP and nothing restarts the service.
 */
@Readiness
@ApplicationScoped
public class ConsumersReadinessCheck implements HealthCheck {

  private final DatabaseWaits waits;

  public ConsumersReadinessCheck(DatabaseWaits waits) {
    this.waits = waits;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("Kafka consumers' stores").up();
    waits.waiting().forEach((consumer, wait) -> response.down()
        .withData(consumer, "waiting for the database since " + wait.since() + ", " + wait.attempts() + " attempts, last " + wait.lastFailure()));
    return response.build();
  }
}
