package org.modsuite.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.modsuite.events.Topics;

/**
 * Kafka and PostgreSQL for ./run and the integration tests. Both start in parallel; {@link #start()} returns when
 * both accept connections and the topics exist, and {@link #close()} stops both.
 */
public final class LocalStack implements AutoCloseable {

  private final LocalStackSettings settings;
  private final KafkaBroker kafka;
  private final PostgresServer postgres;

  public LocalStack(LocalStackSettings settings) {
    this.settings = settings;
    Path logs = settings.logDir();
    this.kafka = new KafkaBroker(kafkaLibDir(), settings.dataDir().resolve("kafka"), logs.resolve("kafka.log"), settings.kafkaPort(),
        settings.controllerPort());
    this.postgres = new PostgresServer(settings.dataDir().resolve("postgres"), logs.resolve("postgres.log"), settings.postgresPort(),
        databasePassword(settings.dataDir(), "postgres-password"), databasePassword(settings.dataDir(), "postgres-ingestion-password"));
  }

  public LocalStack start() {
    CompletableFuture<Void> pg = CompletableFuture.runAsync(postgres::start);
    CompletableFuture<Void> broker = CompletableFuture.runAsync(() -> kafka.start(Topics.all(), settings.partitions()));
    try {
      CompletableFuture.allOf(pg, broker).join();
    } catch (CompletionException e) {
      close();
      throw e.getCause() instanceof StartFailedException sfe ? sfe : new StartFailedException(e.getCause().getMessage(), e.getCause());
    }
    return this;
  }

  /** What a service needs to reach the stack, as the environment variables the services read. */
  public Map<String, String> serviceEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl());
    env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl());
    env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
    env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
    // ingestion-service has a database of its own; names of its own, so report-service's keys above do not reach it.
    env.put("MODSUITE_INGESTION_DB_URL", postgres.ingestionJdbcUrl());
    env.put("MODSUITE_INGESTION_DB_USER", PostgresServer.INGESTION_USER);
    env.put("MODSUITE_INGESTION_DB_PASSWORD", postgres.ingestionPassword());
    return env;
  }

  /** The same as {@link #serviceEnvironment()}, as Quarkus configuration properties (for test resources). */
  public Map<String, String> quarkusConfig() {
    return Map.of(
        "kafka.bootstrap.servers", kafka.bootstrapServers(),
        "quarkus.datasource.reactive.url", postgres.reactiveUrl(),
        "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
        "quarkus.datasource.username", PostgresServer.USER,
        "quarkus.datasource.password", postgres.password(),
        "MODSUITE_INGESTION_DB_URL", postgres.ingestionJdbcUrl(),
        "MODSUITE_INGESTION_DB_USER", PostgresServer.INGESTION_USER,
        "MODSUITE_INGESTION_DB_PASSWORD", postgres.ingestionPassword());
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  public String jdbcUrl() {
    return postgres.jdbcUrl();
  }

  /** Stops PostgreSQL alone (pg_ctl stop, fast), for tests of a database outage; {@link #startPostgres()} brings it back. */
  public void stopPostgres() {
    postgres.close();
  }

  /** Starts PostgreSQL again on the same port and data directory. */
  public void startPostgres() {
    postgres.start();
  }

  /** The PostgreSQL server, for its own tools ({@link PostgresServer#toolCommand}). */
  public PostgresServer postgres() {
    return postgres;
  }

  public LocalStackSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    kafka.close();
    postgres.close();
  }

  /** The broker's jars: set by -Dmodsuite.kafka.libs, else found beside the project's local-stack module. */
  static Path kafkaLibDir() {
    String configured = System.getProperty("modsuite.kafka.libs", System.getenv("MODSUITE_KAFKA_LIBS"));
    if (configured != null) {
      return Path.of(configured);
    }
    return ProjectRoot.find().resolve("kafka-broker").resolve("target").resolve("lib");
  }

  /** A database role's password, generated on first start and kept (owner-only) in the data directory. */
  static String databasePassword(Path dataDir, String name) {
    Path file = dataDir.resolve("secrets").resolve(name);
    try {
      if (Files.exists(file)) {
        return Files.readString(file).trim();
      }
      Files.createDirectories(file.getParent());
      byte[] random = new byte[18];
      new SecureRandom().nextBytes(random);
      String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Files.writeString(file, password);
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      return password;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the database password in " + file, e);
    }
  }
}
