package org.modsuite.localstack.suite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.modsuite.localstack.ChildJvm;
import org.modsuite.localstack.LogTail;
import org.modsuite.localstack.Ports;
import org.modsuite.localstack.StartFailedException;

/** One packaged Quarkus service (target/quarkus-app) run as a child process, with its log in a file. */
public final class ServiceProcess implements AutoCloseable {

  /**
   * moderation-service holds the English and German CoreNLP models (tagger, parser, tokeniser) and the classifier: it
   * does not start in 768 MB. 3 GB is its budget (issue #4), so a run also shows that it stays within it.
   */
  private static final Map<String, String> MAX_HEAP = Map.of("moderation-service", "3g");
  private static final String DEFAULT_MAX_HEAP = "768m";
  /**
   * moderation-service keeps ~1 GB of models for its whole life, above G1's adaptive marking threshold, so G1 marked
   * the old generation every ~10 s for nothing (~10 % of the service's CPU under load): marking starts at 60 % instead.
   * The same flags are in its Dockerfile.jvm.
   */
  private static final Map<String, List<String>> JVM_OPTIONS = Map.of("moderation-service",
      List.of("-XX:-G1UseAdaptiveIHOP", "-XX:InitiatingHeapOccupancyPercent=60"));

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Path appDir;
  private final int port;
  private final Map<String, String> environment;
  private final Path log;
  private volatile Process process;
  private volatile long startedNanos;
  private volatile Duration readyAfter;

  public ServiceProcess(String name, Path appDir, int port, Map<String, String> environment, Path log) {
    this.name = name;
    this.appDir = appDir;
    this.port = port;
    this.environment = environment;
    this.log = log;
  }

  public String name() {
    return name;
  }

  public String baseUrl() {
    return "http://" + Ports.HOST + ":" + port;
  }

  /** Starts the service's process; again after it has exited (see {@link ServiceSupervisor}). */
  public synchronized ServiceProcess start() {
    Path jar = appDir.resolve("quarkus-run.jar");
    if (!Files.exists(jar)) {
      throw new StartFailedException(name + " is not built (" + jar + " missing): run `mvn -DskipTests package`");
    }
    Ports.requireFree(port, name, "--" + name.replace("-service", "") + "-port");
    try {
      Files.createDirectories(log.getParent());
      List<String> command = new ArrayList<>(List.of(ChildJvm.executable(), "-Xms128m", "-Xmx" + maxHeap()));
      command.addAll(JVM_OPTIONS.getOrDefault(name, List.of()));
      command.addAll(List.of("-jar", jar.toString()));
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(environment);
      builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
      builder.environment().put("QUARKUS_HTTP_HOST", Ports.HOST);
      startedNanos = System.nanoTime();
      readyAfter = null;
      process = builder.start();
      return this;
    } catch (IOException e) {
      throw new StartFailedException(name + " did not start: " + e.getMessage(), e);
    }
  }

  /** Waits until /q/health/ready answers UP, failing early with the log's tail if the process dies. */
  public void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
    Process starting = process;
    while (System.nanoTime() < deadline) {
      if (starting == null || !starting.isAlive()) {
        String how = starting == null ? "was stopped" : ExitDescription.of(starting.exitValue());
        throw new StartFailedException(name + " " + how + " while starting\n" + LogTail.of(log, 40));
      }
      try {
        if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          readyAfter = Duration.ofNanos(System.nanoTime() - startedNanos);
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StartFailedException("interrupted while waiting for " + name, e);
      }
      sleep(250);
    }
    throw new StartFailedException(name + " was not ready within " + timeout.toSeconds() + " s\n" + LogTail.of(log, 40));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The -Xmx this service runs with. */
  public String maxHeap() {
    return MAX_HEAP.getOrDefault(name, DEFAULT_MAX_HEAP);
  }

  /** Process start to the first ready answer (polled every 250 ms); null before {@link #awaitReady} returned. */
  public Duration readyAfter() {
    return readyAfter;
  }

  /** The child's process handle (for its CPU time and pid), or null when not running. */
  public ProcessHandle handle() {
    Process current = process;
    return current == null ? null : current.toHandle();
  }

  public boolean isAlive() {
    Process current = process;
    return current != null && current.isAlive();
  }

  /** The current process (alive or exited), or null before start and after close. */
  public Process process() {
    return process;
  }

  /** Since the current process was started. */
  public Duration upFor() {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  public Path log() {
    return log;
  }

  /** SIGTERM, then a kill after 30 s (see {@link ChildJvm#stop}). */
  @Override
  public synchronized void close() {
    Process current = process;
    if (current != null) {
      ChildJvm.stop(current);
      process = null;
    }
  }
}
