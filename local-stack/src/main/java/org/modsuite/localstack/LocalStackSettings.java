package org.modsuite.localstack;

import java.nio.file.Path;

/**
 * Where and on which ports the local stack runs.
 *
 * @param dataDir root of Kafka's and PostgreSQL's data and of the logs; kept across restarts
 * @param kafkaPort the broker's client port
 * @param controllerPort the KRaft controller port
 * @param postgresPort PostgreSQL's port
 * @param partitions partitions of each event topic
 */
public record LocalStackSettings(Path dataDir, int kafkaPort, int controllerPort, int postgresPort, int partitions) {

  public static final int DEFAULT_KAFKA_PORT = 9092;
  public static final int DEFAULT_POSTGRES_PORT = 5432;
  public static final int DEFAULT_PARTITIONS = 6;

  public Path logDir() {
    return dataDir.resolve("logs");
  }

  /** Settings for one test JVM: a throw-away data directory and free ports, so tests never meet a running suite. */
  public static LocalStackSettings forTests(Path dataDir) {
    return new LocalStackSettings(dataDir, Ports.free(), Ports.free(), Ports.free(), 3);
  }
}
