package org.modsuite.report.health;

import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import org.modsuite.report.config.DatabaseTimeoutsConfig;

/**
 * Builds the reactive pool as Quarkus would, plus the timeouts Quarkus has no property for: without them a request
 * (the token endpoint, say) waits 30 s for a connection while PostgreSQL is away, and 60 s for a TCP connect.
 */
@Singleton
public class PgPoolTimeouts implements PgPoolCreator {

  private final DatabaseTimeoutsConfig config;

  public PgPoolTimeouts(DatabaseTimeoutsConfig config) {
    this.config = config;
  }

  @Override
  @SuppressWarnings("deprecation") // PgPool.pool is what Quarkus itself builds on Vert.x 4.5
  public Pool create(Input input) {
    input.poolOptions().setConnectionTimeout((int) config.acquisitionTimeout().toMillis()).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
    input.pgConnectOptionsList().forEach(options -> options.setConnectTimeout((int) config.connectTimeout().toMillis()));
    return PgPool.pool(input.vertx(), input.pgConnectOptionsList(), input.poolOptions());
  }
}
