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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;


/**
 * A real PostgreSQL from the binaries zonky ships on Maven Central, on 127.0.0.1, with a data directory kept across
 * restarts. Started and stopped with its own initdb and pg_ctl, as an unprivileged account when run as root
 * ({@link PostgresAccount}), so that its tools work on it from outside too.
 */
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
  private static final String SUPERUSER = "postgres";

  private Path installation;
  private PostgresAccount account;
  private volatile boolean started;

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
      installation = PostgresBinaries.installation();
      account = PostgresAccount.forDataDirectory(dataDir);
      if (!Files.exists(dataDir.resolve("postgresql.conf"))) {
        pg("initdb", List.of("-A", "trust", "-U", SUPERUSER, "-D", dataDir.toString(), "-E", "UTF-8"), Duration.ofSeconds(120));
      }
      // pg_ctl -w returns once the server accepts connections; the server keeps running after it (its output in the log).
      // fsync and synchronous_commit on: the suite keeps real records (zonky's default turned durability off).
      String serverOptions = String.join(" ", "-p", Integer.toString(port), "-c", "listen_addresses=" + Ports.HOST, "-c", "fsync=on", "-c",
          "synchronous_commit=on", "-c", "max_connections=200");
      pg("pg_ctl", List.of("-D", dataDir.toString(), "-o", serverOptions, "-w", "-t", "60", "start"), Duration.ofSeconds(90));
      started = true;
      // Like zonky: a JVM that exits without close() (a test that forgot it) does not leave the server behind.
      Runtime.getRuntime().addShutdownHook(new Thread(this::close, "postgres-stop"));
      createRoleAndDatabase(USER, DATABASE, password);
      createRoleAndDatabase(INGESTION_USER, INGESTION_DATABASE, ingestionPassword);
    } catch (IOException | SQLException | RuntimeException e) {
      throw new StartFailedException("PostgreSQL did not start on " + Ports.HOST + ":" + port + ": " + e.getMessage() + "\n" + LogTail.of(log, 30), e);
    }
  }

  /** Runs one of PostgreSQL's tools as the server's account, its output appended to the server's log. */
  private void pg(String tool, List<String> args, Duration timeout) throws IOException {
    Process process = new ProcessBuilder(toolCommand(tool, args)).redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile())).start();
    try {
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(tool + " did not finish within " + timeout.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + tool, e);
    }
    if (process.exitValue() != 0) {
      throw new IOException(tool + " " + args.get(args.size() - 1) + " failed with exit code " + process.exitValue());
    }
  }

  /**
   * The command line that runs PostgreSQL's tool {@code tool} (pg_ctl, psql …) of this server's installation as the
   * account the server runs as (see {@link PostgresAccount}); available once started.
   */
  public List<String> toolCommand(String tool, List<String> args) {
    return account.command(installation.resolve("bin").resolve(tool), args);
  }

  public Path dataDirectory() {
    return dataDir;
  }

  /** The operating-system account the server runs as. */
  public String osUser() {
    return account.user();
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
    try (Connection c = DriverManager.getConnection(superuserUrl("postgres"), SUPERUSER, "")) {
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
  public synchronized void close() {
    if (started) {
      started = false;
      try {
        pg("pg_ctl", List.of("-D", dataDir.toString(), "-m", "fast", "-t", "30", "-w", "stop"), Duration.ofSeconds(45));
      } catch (IOException e) {
        LOG.warning("PostgreSQL did not stop cleanly: " + e.getMessage());
      }
    }
  }
}
