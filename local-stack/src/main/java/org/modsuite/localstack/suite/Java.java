package org.modsuite.localstack.suite;

/** The java executable of this JVM, so that child processes run on the same JDK. */
public final class Java {

  private Java() {
  }

  public static String executable() {
    return ProcessHandle.current().info().command().orElse("java");
  }
}
