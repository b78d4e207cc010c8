package org.modsuite.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Which operating-system account runs PostgreSQL and its tools. A normal user runs them as itself. root may not:
 * PostgreSQL's tools refuse it ({@code pg_ctl: cannot be run as root}), so as root the server runs as the system user
 * {@code modsuite-postgres} ({@code MODSUITE_POSTGRES_USER} names another), created here with {@code useradd} when
 * missing, or {@code nobody} when it cannot be created, and the data directory is given to that user. Only if that user
 * cannot reach the data directory (a folder above it closed to others) does the server run as before: as root inside
 * a user namespace ({@code unshare -U}, zonky's way), with a warning.
 */
final class PostgresAccount {

  static final String DEFAULT_USER = "modsuite-postgres";

  private static final Logger LOG = Logger.getLogger(PostgresAccount.class.getName());

  /** Prepended to every PostgreSQL command: empty, a switch to the account, or the namespace fallback. */
  private final List<String> prefix;
  private final String user;

  private PostgresAccount(List<String> prefix, String user) {
    this.prefix = prefix;
    this.user = user;
  }

  /** The account for a server on {@code dataDir}, prepared (created, given the directory) when running as root. */
  static PostgresAccount forDataDirectory(Path dataDir) {
    if (!isRoot()) {
      return new PostgresAccount(List.of(), System.getProperty("user.name"));
    }
    String configured = System.getenv("MODSUITE_POSTGRES_USER");
    String user = configured == null || configured.isBlank() ? DEFAULT_USER : configured.trim();
    // exists() again after a failed useradd: a parallel test JVM may have created the user meanwhile.
    if (!exists(user) && !run("useradd", "--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent", "--shell",
        "/usr/sbin/nologin", "--comment", "ModSuite local-stack PostgreSQL", user) && !exists(user)) {
      LOG.warning("cannot create the system user " + user + " for PostgreSQL; it runs as nobody");
      user = "nobody";
    }
    Path unreachable = firstClosedAncestor(dataDir);
    if (unreachable != null) {
      LOG.warning("PostgreSQL runs as root in a user namespace, not as " + user + ": " + unreachable
          + " is closed to other users (chmod o+x it, or choose a --data-dir elsewhere); PostgreSQL's own tools then refuse to run");
      return new PostgresAccount(List.of("unshare", "-U"), "root");
    }
    if (!run("chown", "-R", user + ":", dataDir.toString())) {
      throw new StartFailedException("cannot give the PostgreSQL data directory " + dataDir + " to the user " + user);
    }
    return new PostgresAccount(List.of("setpriv", "--reuid=" + user, "--regid=" + primaryGroup(user), "--init-groups", "--"), user);
  }

  /** The command line that runs {@code executable} with {@code args} as this account. */
  List<String> command(Path executable, List<String> args) {
    List<String> command = new ArrayList<>(prefix);
    command.add(executable.toString());
    command.addAll(args);
    return command;
  }

  /** The account's name (root only in the namespace fallback). */
  String user() {
    return user;
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static boolean exists(String user) {
    return run("id", "-u", user);
  }

  private static String primaryGroup(String user) {
    try {
      Process id = new ProcessBuilder("id", "-gn", user).redirectErrorStream(true).start();
      String group = new String(id.getInputStream().readAllBytes()).trim();
      return id.waitFor() == 0 && !group.isEmpty() ? group : "nogroup";
    } catch (IOException e) {
      return "nogroup";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "nogroup";
    }
  }

  /**
   * The first folder above {@code dataDir} that other users may not enter, or null. The data directory's own parent
   * (local-stack's data folder, e.g. a test's private temporary folder) is opened for entering (o+x, not listing).
   */
  private static Path firstClosedAncestor(Path dataDir) {
    Path parent = dataDir.toAbsolutePath().getParent();
    try {
      Set<PosixFilePermission> own = Files.getPosixFilePermissions(parent);
      if (!own.contains(PosixFilePermission.OTHERS_EXECUTE)) {
        own.add(PosixFilePermission.OTHERS_EXECUTE);
        Files.setPosixFilePermissions(parent, own);
      }
      for (Path dir = parent.getParent(); dir != null; dir = dir.getParent()) {
        if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
          return dir;
        }
      }
      return null;
    } catch (IOException e) {
      return parent;
    }
  }

  private static boolean run(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
