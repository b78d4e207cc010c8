package org.modsuite.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the ModSuite checkout from the working directory (the root, or a module inside it). */
public final class ProjectRoot {

  private ProjectRoot() {
  }

  public static Path find() {
    String configured = System.getProperty("modsuite.root", System.getenv("MODSUITE_ROOT"));
    if (configured != null) {
      return Path.of(configured).toAbsolutePath();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("local-stack")) && Files.isDirectory(dir.resolve("kafka-broker"))) {
        return dir;
      }
    }
    throw new StartFailedException("cannot find the ModSuite checkout above " + Path.of("").toAbsolutePath() + "; set MODSUITE_ROOT");
  }
}
