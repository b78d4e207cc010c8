package org.modsuite.report.health;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.modsuite.report.config.DatabaseTimeoutsConfig;

/**
 * PostgreSQL answers {@code SELECT 1} within {@code modsuite.database.health-timeout} (0.5 s). Replaces Quarkus' datasource
 * checks (off: {@code quarkus.datasource.health.enabled=false}), which wait up to 20 s for an answer, so that the health
 * endpoints answer within a second during an outage.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements AsyncHealthCheck {

  private static final String NAME = "PostgreSQL";

  private final Pool pool;
  private final DatabaseTimeoutsConfig config;

  public DatabaseReadinessCheck(Pool pool, DatabaseTimeoutsConfig config) {
    this.pool = pool;
    this.config = config;
  }

  @Override
  public Uni<HealthCheckResponse> call() {
    return pool.query("SELECT 1").execute()
        .ifNoItem().after(config.healthTimeout()).fail()
        .map(rows -> HealthCheckResponse.up(NAME))
        .onFailure().recoverWithItem(e -> HealthCheckResponse.named(NAME).down()
            .withData("error", e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())).build());
  }
}
