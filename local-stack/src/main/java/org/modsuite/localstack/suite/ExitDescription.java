package org.modsuite.localstack.suite;

import java.util.Map;

/** How a child process ended, in words: Java reports a death by signal N as exit code 128 + N. */
final class ExitDescription {

  private static final Map<Integer, String> SIGNALS = Map.of(1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 4, "SIGILL", 6, "SIGABRT", 7, "SIGBUS",
      9, "SIGKILL", 11, "SIGSEGV", 15, "SIGTERM");

  private ExitDescription() {
  }

  static String of(int exitCode) {
    if (exitCode > 128 && exitCode < 160) {
      int signal = exitCode - 128;
      return "killed by " + SIGNALS.getOrDefault(signal, "signal " + signal) + " (exit code " + exitCode + ")";
    }
    return "exited with code " + exitCode;
  }
}
