package org.modsuite.ingestion.health;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * ingestion's database, as a thread of its own last found it (every second). Replaces Quarkus' datasource check (off:
 * {@code quarkus.datasource.health.enabled=false}), which asked the pool on the request's thread and waited as long
 * as the pool did: during an outage readiness did not answer within 3 s. Reading the last probe answers at once; a
 * probe that is stuck counts as DOWN once its result is older than {@link #STALE}.
 */
@Readiness
@ApplicationScoped
@Startup // probing starts with the service, not with the first health request
public class DatabaseReadinessCheck implements HealthCheck {

  private static final String NAME = "PostgreSQL (ingestion)";
  static final Duration INTERVAL = Duration.ofSeconds(1);
  static final Duration STALE = Duration.ofSeconds(3);

  private record Probe(Instant at, String error) {
  }

  private final AgroalDataSource db;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread t = new Thread(task, "database-readiness");
    t.setDaemon(true);
    return t;
  });
  private volatile Probe last = new Probe(Instant.EPOCH, "not probed yet");

  public DatabaseReadinessCheck(@DataSource("ingestion") AgroalDataSource db) {
    this.db = db;
  }

  @PostConstruct
  void start() {
    thread.scheduleWithFixedDelay(this::probe, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void close() {
    thread.shutdownNow();
  }

  private void probe() {
    try (Connection connection = db.getConnection()) {
      last = new Probe(Instant.now(), connection.isValid(1) ? null : "connection not valid");
    } catch (Exception e) {
      Log.debugf("database probe failed: %s", e.getMessage());
      last = new Probe(Instant.now(), e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  @Override
  public HealthCheckResponse call() {
    Probe probe = last;
    if (Duration.between(probe.at(), Instant.now()).compareTo(STALE) > 0) {
      return HealthCheckResponse.named(NAME).down().withData("error", "no answer since " + probe.at()).build();
    }
    return probe.error() == null ? HealthCheckResponse.up(NAME)
        : HealthCheckResponse.named(NAME).down().withData("error", probe.error()).withData("at", probe.at().toString()).build();
  }
}
