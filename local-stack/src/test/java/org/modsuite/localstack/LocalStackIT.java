package org.modsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.modsuite.events.Topics;

/** The real stack: topics created, data kept across a restart, nothing left running after close. */
class LocalStackIT {

  @Test
  void startsKafkaAndPostgresKeepsDataAcrossRestartAndLeavesNoProcess() throws Exception {
    LocalStackSettings settings = LocalStackSettings.forTests(TempDirectories.create("local-stack-it"));
    try (LocalStack stack = new LocalStack(settings).start()) {
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
        Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        assertThat(topics).containsAll(Topics.all());
        assertThat(admin.describeTopics(Set.of(Topics.POSTS_INGESTED)).allTopicNames().get().get(Topics.POSTS_INGESTED).partitions())
            .hasSize(settings.partitions());
      }
      new KafkaProbe(stack.bootstrapServers()).send(Topics.POSTS_INGESTED, "k", "kept");
      try (Connection c = connect(stack); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE kept (v text)");
        s.execute("INSERT INTO kept VALUES ('across restarts')");
      }
    }
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();

    try (LocalStack again = new LocalStack(settings).start()) {
      try (Connection c = connect(again); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("across restarts");
      }
      assertThat(new KafkaProbe(again.bootstrapServers()).await(Topics.POSTS_INGESTED, r -> "kept".equals(r.value()), Duration.ofSeconds(20)))
          .isNotNull();
    }
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    TempDirectories.delete(settings.dataDir());
  }

  /** PostgreSQL's own tools work on the running server; as root that needs the server to run as another user. */
  @Test
  void pgCtlStatusWorksAndTheServerDoesNotRunAsRoot() throws Exception {
    LocalStackSettings settings = LocalStackSettings.forTests(TempDirectories.create("local-stack-it"));
    try (LocalStack stack = new LocalStack(settings).start()) {
      PostgresServer postgres = stack.postgres();
      Process status = new ProcessBuilder(postgres.toolCommand("pg_ctl", List.of("status", "-D", postgres.dataDirectory().toString())))
          .redirectErrorStream(true).start();
      String output = new String(status.getInputStream().readAllBytes());
      assertThat(status.waitFor()).as(output).isZero();
      assertThat(output).contains("server is running");

      long pid = Long.parseLong(Files.readAllLines(postgres.dataDirectory().resolve("postmaster.pid")).get(0).trim());
      String owner = ProcessHandle.of(pid).orElseThrow().info().user().orElseThrow();
      assertThat(owner).isEqualTo(postgres.osUser());
      if (PostgresAccount.isRoot()) {
        assertThat(owner).isNotEqualTo("root"); // modsuite-postgres, or nobody where useradd is missing
      } else {
        assertThat(owner).isEqualTo(System.getProperty("user.name"));
      }
      assertThat(Files.getOwner(postgres.dataDirectory()).getName()).isEqualTo(owner);
    }
    TempDirectories.delete(settings.dataDir());
  }

  @Test
  void aTakenPortFailsBeforeAnythingStarts() throws Exception {
    LocalStackSettings settings = LocalStackSettings.forTests(TempDirectories.create("local-stack-it"));
    try (var taken = new java.net.ServerSocket(settings.kafkaPort(), 1, java.net.InetAddress.getByName(Ports.HOST))) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LocalStack(settings).start())
          .isInstanceOf(StartFailedException.class).hasMessageContaining("is taken");
    }
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
  }

  private static Connection connect(LocalStack stack) throws Exception {
    return DriverManager.getConnection(stack.jdbcUrl(), PostgresServer.USER, LocalStack.databasePassword(stack.settings().dataDir(), "postgres-password"));
  }

}
