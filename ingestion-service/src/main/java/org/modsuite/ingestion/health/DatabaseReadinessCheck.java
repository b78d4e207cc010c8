package org.modsuite.ingestion.health;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * ingestion's database answers within 0.5 s. Replaces Quarkus' datasource check (off:
 * {@code quarkus.datasource.health.enabled=false}), which blocks a worker thread for as long as the pool takes to give
 * up on a connection; during an outage the connectors' pollers hold the workers too, and readiness did not answer
 * within 3 s. This check runs on a thread of its own and answers DOWN when the database is slower than the limit.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements AsyncHealthCheck {

  private static final String NAME = "PostgreSQL (ingestion)";
  static final Duration LIMIT = Duration.ofMillis(500);

  private final AgroalDataSource db;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
    Thread t = new Thread(task, "database-readiness");
    t.setDaemon(true);
    return t;
  });

  public DatabaseReadinessCheck(@DataSource("ingestion") AgroalDataSource db) {
    this.db = db;
  }

  @PreDestroy
  void close() {
    thread.shutdownNow();
  }

  @Override
  public Uni<HealthCheckResponse> call() {
    return Uni.createFrom().item(this::check).runSubscriptionOn(thread)
        .ifNoItem().after(LIMIT).fail()
        .onFailure().recoverWithItem(e -> HealthCheckResponse.named(NAME).down()
            .withData("error", e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())).build());
  }

  private HealthCheckResponse check() {
    try (Connection connection = db.getConnection()) {
      return connection.isValid(1) ? HealthCheckResponse.up(NAME)
          : HealthCheckResponse.named(NAME).down().withData("error", "connection not valid").build();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
