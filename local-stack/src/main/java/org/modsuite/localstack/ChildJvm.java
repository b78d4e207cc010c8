package org.modsuite.localstack;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Child JVMs of the local stack: started on this JVM's JDK, stopped gracefully. */
public final class ChildJvm {

  private ChildJvm() {
  }

  /** The java executable of this JVM, so that child processes run on the same JDK. */
  public static String executable() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /** A tool of the same JDK, beside its java executable (jcmd, jstack …). */
  public static String jdkTool(String name) {
    return Path.of(executable()).resolveSibling(name).toString();
  }

  /** SIGTERM, so that the process shuts down cleanly (Kafka flushes its logs, Quarkus commits offsets); killed after 30 s. */
  public static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
