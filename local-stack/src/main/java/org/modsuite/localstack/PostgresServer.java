package org.modsuite.localstack;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL from the binaries zonky ships on Maven Central, on 127.0.0.1, with a data directory kept across restarts. */
public final class PostgresServer implements AutoCloseable {

  public static final String DATABASE = "modsuite_report";
  public static final String USER = "modsuite_report";
  /** ingestion-service's own database and role: source configurations and cursors. */
  public static final String INGESTION_DATABASE = "modsuite_ingestion";
  public static final String INGESTION_USER = "modsuite_ingestion";

  private static final Logger LOG = Logger.getLogger(PostgresServer.class.getName());

  private final Path dataDir;
  private final Path log;
  private final int port;
  private final String password;
  private final String ingestionPassword;
  private EmbeddedPostgres postgres;

  public PostgresServer(Path dataDir, Path log, int port, String password, String ingestionPassword) {
    this.dataDir = dataDir;
    this.log = log;
    this.port = port;
    this.password = password;
    this.ingestionPassword = ingestionPassword;
  }

  public void start() {
    stopLeftOverServer();
    Ports.requireFree(port, "PostgreSQL", "--postgres-port");
    try {
      Files.createDirectories(dataDir);
      Files.createDirectories(log.getParent());
      postgres = EmbeddedPostgres.builder()
          .setPort(port)
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(false)
          .setServerConfig("listen_addresses", Ports.HOST)
          // zonky turns durability off for speed; the suite keeps real records, so turn it back on.
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("max_connections", "200")
          .setOutputRedirector(Redirect.appendTo(log.toFile()))
          .setErrorRedirector(Redirect.appendTo(log.toFile()))
          .setPGStartupWait(Duration.ofSeconds(60))
          .start();
      createRoleAndDatabase(USER, DATABASE, password);
      createRoleAndDatabase(INGESTION_USER, INGESTION_DATABASE, ingestionPassword);
    } catch (IOException | SQLException | RuntimeException e) {
      throw new StartFailedException("PostgreSQL did not start on " + Ports.HOST + ":" + port + ": " + e.getMessage() + "\n" + LogTail.of(log, 30), e);
    }
  }

  /** A PostgreSQL left running by a killed earlier run holds the data directory; it is ours, so stop it. */
  private void stopLeftOverServer() {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    try {
      long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
      Optional<ProcessHandle> leftOver = ProcessHandle.of(pid);
      boolean isPostgres = leftOver.flatMap(p -> p.info().command()).map(c -> c.endsWith("/postgres")).orElse(false);
      if (leftOver.isPresent() && leftOver.get().isAlive() && isPostgres) {
        LOG.warning("stopping PostgreSQL (pid " + pid + ") left running by an earlier run on " + dataDir);
        leftOver.get().destroy();
        leftOver.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new StartFailedException("PostgreSQL data directory " + dataDir + " is held by another server (" + pidFile + "); stop it first", e);
    }
  }

  private void createRoleAndDatabase(String user, String database, String userPassword) throws SQLException {
    try (Connection c = DriverManager.getConnection(superuserUrl("postgres"), "postgres", "")) {
      if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", user)) {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + userPassword.replace("'", "''") + "'");
        }
      }
      if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE DATABASE " + database + " OWNER " + user + " ENCODING 'UTF8'");
        }
      }
    }
  }

  private static boolean exists(Connection c, String sql, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private String superuserUrl(String database) {
    return "jdbc:postgresql://" + Ports.HOST + ":" + port + "/" + database;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + Ports.HOST + ":" + port + "/" + DATABASE;
  }

  /** ingestion-service's database. */
  public String ingestionJdbcUrl() {
    return "jdbc:postgresql://" + Ports.HOST + ":" + port + "/" + INGESTION_DATABASE;
  }

  public String ingestionPassword() {
    return ingestionPassword;
  }

  /** The URL form the Quarkus reactive client takes. */
  public String reactiveUrl() {
    return "postgresql://" + Ports.HOST + ":" + port + "/" + DATABASE;
  }

  public String password() {
    return password;
  }

  @Override
  public void close() {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        LOG.warning("PostgreSQL did not stop cleanly: " + e.getMessage());
      }
      postgres = null;
    }
  }
}
