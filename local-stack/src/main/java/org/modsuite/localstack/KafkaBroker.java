package org.modsuite.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.modsuite.events.Topics;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one node), in a JVM of its own,
 * from the jars the kafka-broker module copies from Maven Central. It listens on 127.0.0.1 only.
 */
public final class KafkaBroker implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(KafkaBroker.class.getName());
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Path libDir;
  private final Path dataDir;
  private final Path log;
  private final int port;
  private final int controllerPort;
  private Process process;

  public KafkaBroker(Path libDir, Path dataDir, Path log, int port, int controllerPort) {
    this.libDir = libDir;
    this.dataDir = dataDir;
    this.log = log;
    this.port = port;
    this.controllerPort = controllerPort;
  }

  public String bootstrapServers() {
    return Ports.HOST + ":" + port;
  }

  public void start(List<String> topics, int partitions) {
    Ports.requireFree(port, "Kafka", "--kafka-port");
    Ports.requireFree(controllerPort, "the Kafka controller", "--kafka-controller-port");
    try {
      Files.createDirectories(dataDir);
      Files.createDirectories(log.getParent());
      Path config = writeConfig();
      Path logConfig = writeLogConfig();
      if (!Files.exists(dataDir.resolve("data").resolve("meta.properties"))) {
        format(config, logConfig);
      }
      process = java(logConfig, "kafka.Kafka", config.toString()).start();
      awaitReady();
      createTopics(topics, partitions);
    } catch (IOException | RuntimeException e) {
      close();
      throw e instanceof StartFailedException sfe ? sfe
          : new StartFailedException("Kafka did not start on " + bootstrapServers() + ": " + e.getMessage() + "\n" + LogTail.of(log, 30), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new StartFailedException("interrupted while starting Kafka", e);
    }
  }

  private Path writeConfig() throws IOException {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.voters", "1@" + Ports.HOST + ":" + controllerPort);
    p.setProperty("listeners", "PLAINTEXT://" + Ports.HOST + ":" + port + ",CONTROLLER://" + Ports.HOST + ":" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://" + Ports.HOST + ":" + port);
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("log.dirs", dataDir.resolve("data").toString());
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    // Topics are created explicitly, so that a misspelt topic name fails instead of silently creating a new topic.
    p.setProperty("auto.create.topics.enable", "false");
    Path config = dataDir.resolve("server.properties");
    try (var out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
      p.store(out, "written by ModSuite local-stack on every start");
    }
    return config;
  }

  private Path writeLogConfig() throws IOException {
    Path logConfig = dataDir.resolve("log4j2.properties");
    Files.writeString(logConfig, String.join("\n",
        "rootLogger.level = INFO",
        "rootLogger.appenderRef.out.ref = out",
        "appender.out.type = Console",
        "appender.out.name = out",
        "appender.out.layout.type = PatternLayout",
        "appender.out.layout.pattern = [%d] %p %m (%c)%n",
        "logger.kafka.name = kafka",
        "logger.kafka.level = WARN",
        "logger.state.name = state.change.logger",
        "logger.state.level = WARN",
        ""));
    return logConfig;
  }

  private void format(Path config, Path logConfig) throws IOException, InterruptedException {
    String clusterId = Uuid.randomUuid().toString();
    Process formatter = java(logConfig, "kafka.tools.StorageTool", "format", "--cluster-id", clusterId, "--config", config.toString(), "--ignore-formatted")
        .start();
    if (!formatter.waitFor(60, TimeUnit.SECONDS) || formatter.exitValue() != 0) {
      formatter.destroyForcibly();
      throw new StartFailedException("formatting Kafka storage in " + dataDir + " failed\n" + LogTail.of(log, 30));
    }
  }

  private ProcessBuilder java(Path logConfig, String mainClass, String... args) {
    if (!Files.isDirectory(libDir)) {
      throw new StartFailedException("Kafka's jars are missing at " + libDir + ": build them with `mvn -pl kafka-broker package`");
    }
    List<String> command = new ArrayList<>(List.of(ChildJvm.executable(), "-Xms256m", "-Xmx1g", "-XX:+UseG1GC",
        "-Dlog4j2.configurationFile=" + logConfig, "-cp", libDir.resolve("*").toString(), mainClass));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
  }


  private void awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    // Wait for the port first: an admin client polling a closed port logs a warning every few milliseconds.
    while (!Ports.accepts(port) && System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new StartFailedException("Kafka exited with code " + process.exitValue() + " while starting\n" + LogTail.of(log, 40));
      }
      Thread.sleep(200);
    }
    try (Admin admin = admin()) {
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new StartFailedException("Kafka exited with code " + process.exitValue() + " while starting\n" + LogTail.of(log, 40));
        }
        try {
          admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
          return;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
          Thread.sleep(200);
        }
      }
    }
    throw new StartFailedException("Kafka did not accept connections within " + START_TIMEOUT.toSeconds() + " s\n" + LogTail.of(log, 40));
  }

  private void createTopics(List<String> topics, int partitions) throws InterruptedException {
    try (Admin admin = admin()) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t)).map(t -> new NewTopic(t, partitions, (short) 1).configs(Topics.config(t)))
          .collect(Collectors.toList());
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        LOG.info("created topics " + missing.stream().map(NewTopic::name).toList() + " with " + partitions + " partitions");
      }
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new StartFailedException("creating topics failed: " + e.getMessage(), e);
    }
  }

  private Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
  }

  @Override
  public void close() {
    if (process != null) {
      ChildJvm.stop(process);
      process = null;
    }
  }
}
