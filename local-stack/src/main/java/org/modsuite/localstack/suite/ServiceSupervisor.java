package org.modsuite.localstack.suite;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

import org.modsuite.localstack.StartFailedException;

/**
 * Keeps one service running: when its process exits or is killed, it is started again after the {@link RestartPolicy}'s
 * back-off, and waited for until ready. Each event is a line on the launcher's output and in the service's log.
 * {@link #close()} stops the watcher first, then the current process, so no process started here outlives it.
 */
public final class ServiceSupervisor implements AutoCloseable {

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final ServiceProcess service;
  private final RestartPolicy policy;
  private final Duration readyTimeout;
  private final PrintStream out;
  private final Object lock = new Object();
  private final AtomicInteger restarts = new AtomicInteger();
  private volatile boolean closed;
  private Thread watcher;

  /** {@code service} must have been started; supervision begins with {@link #watch()}. */
  public ServiceSupervisor(ServiceProcess service, RestartPolicy policy, Duration readyTimeout, PrintStream out) {
    this.service = service;
    this.policy = policy;
    this.readyTimeout = readyTimeout;
    this.out = out;
  }

  public ServiceProcess service() {
    return service;
  }

  /** How often the service has been started again since {@link #watch()}. */
  public int restarts() {
    return restarts.get();
  }

  public ServiceSupervisor watch() {
    watcher = new Thread(this::superviseUntilClosed, "supervise-" + service.name());
    watcher.setDaemon(true);
    watcher.start();
    return this;
  }

  private void superviseUntilClosed() {
    while (!closed) {
      Process process = service.process();
      if (process != null) {
        int exitCode;
        try {
          exitCode = process.waitFor();
        } catch (InterruptedException e) {
          return; // closed
        }
        if (closed) {
          return;
        }
        Duration delay = policy.delayAfter(service.upFor());
        report(service.name() + " " + ExitDescription.of(exitCode) + " after " + seconds(service.upFor()) + "; restarting in " + seconds(delay));
        if (!pause(delay)) {
          return;
        }
      }
      restart();
    }
  }

  private void restart() {
    try {
      synchronized (lock) {
        if (closed) {
          return;
        }
        service.start();
      }
      restarts.incrementAndGet();
      report(service.name() + " restarted (pid " + service.handle().pid() + "), waiting until it is ready");
      service.awaitReady(readyTimeout);
      report(service.name() + " is ready again after " + seconds(service.readyAfter()));
    } catch (StartFailedException e) {
      if (!closed) {
        // Its process has died or hangs: the next round of the loop backs off and tries again.
        report(service.name() + " failed to restart: " + e.getMessage().lines().findFirst().orElse(""));
        if (service.isAlive()) {
          service.close(); // alive but not ready in time: stop it, so that the next attempt starts clean
        }
        if (service.process() == null) {
          pause(policy.delayAfter(Duration.ZERO)); // no process whose exit the loop could wait for
        }
      }
    }
  }

  /** Sleeps; false when closed meanwhile. */
  private boolean pause(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
      return !closed;
    } catch (InterruptedException e) {
      return false;
    }
  }

  private void report(String message) {
    String line = LocalTime.now().format(CLOCK) + " supervisor: " + message;
    out.println(line);
    try {
      Files.writeString(service.log(), "\n" + line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      // the launcher's output has the line already
    }
  }

  private static String seconds(Duration duration) {
    return duration == null ? "?" : String.format("%.1f s", duration.toMillis() / 1000.0);
  }

  /** Stops supervising, then the service: no restart can begin after this starts. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
    }
    if (watcher != null) {
      watcher.interrupt();
    }
    service.close();
    if (watcher != null) {
      try {
        watcher.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    service.close(); // in case the watcher started one between the first close and its exit
  }
}
