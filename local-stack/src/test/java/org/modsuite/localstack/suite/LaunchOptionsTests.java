package org.modsuite.localstack.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LaunchOptionsTests {

  @Test
  void defaultsAreTheDocumentedPorts() {
    LaunchOptions options = LaunchOptions.parse();
    assertThat(options.kafkaPort()).isEqualTo(9092);
    assertThat(options.postgresPort()).isEqualTo(5432);
    assertThat(options.partitions()).isEqualTo(6);
    assertThat(options.services()).containsExactly("ingestion", "moderation", "report");
    assertThat(options.dataDir().toString()).endsWith(".modsuite");
  }

  @Test
  void parsesPortsServicesAndDemo() {
    LaunchOptions options = LaunchOptions.parse("--kafka-port", "19092", "--services", "report", "--data-dir", "/tmp/x", "--partitions", "3");
    assertThat(options.kafkaPort()).isEqualTo(19092);
    assertThat(options.services()).containsExactly("report");
    assertThat(options.partitions()).isEqualTo(3);
    assertThat(LaunchOptions.parse("--services", "none").services()).isEmpty();
    assertThat(LaunchOptions.parse("--demo").demo()).isTrue();
    assertThat(LaunchOptions.parse("--benchmark", "5000").benchmark()).isEqualTo(5000);
  }

  @Test
  void rejectsBadOptionsWithAMessageNamingThem() {
    assertThatThrownBy(() -> LaunchOptions.parse("--kafka-port", "abc")).hasMessageContaining("--kafka-port");
    assertThatThrownBy(() -> LaunchOptions.parse("--postgres-port", "70000")).hasMessageContaining("between 1 and 65535");
    assertThatThrownBy(() -> LaunchOptions.parse("--services", "billing")).hasMessageContaining("--services");
    assertThatThrownBy(() -> LaunchOptions.parse("--frobnicate")).hasMessageContaining("unknown option --frobnicate");
    assertThatThrownBy(() -> LaunchOptions.parse("--demo", "--services", "report")).hasMessageContaining("--demo");
    assertThatThrownBy(() -> LaunchOptions.parse("--benchmark", "0")).hasMessageContaining("--benchmark");
  }

  @Test
  void moderationBenchmarkStartsModerationAloneUnlessServicesAreChosen() {
    LaunchOptions alone = LaunchOptions.parse("--benchmark-moderation", "20000");
    assertThat(alone.moderationBenchmark()).isEqualTo(20000);
    assertThat(alone.moderationWarmUp()).isEqualTo(100_000);
    assertThat(LaunchOptions.parse("--benchmark-moderation", "10", "--benchmark-warm-up", "0").moderationWarmUp()).isZero();
    assertThat(alone.services()).containsExactly("moderation");
    assertThat(LaunchOptions.parse("--benchmark-moderation", "10", "--services", "moderation,report").services())
        .containsExactly("moderation", "report");
    assertThatThrownBy(() -> LaunchOptions.parse("--benchmark-moderation", "10", "--services", "report"))
        .hasMessageContaining("--benchmark-moderation");
    assertThatThrownBy(() -> LaunchOptions.parse("--benchmark-moderation", "0")).hasMessageContaining("--benchmark-moderation");
  }

  @Test
  void demoSampleHasTwoHundredPosts() {
    assertThat(DemoFeeder.sample()).hasSize(200).allMatch(line -> line.startsWith("{"));
  }
}
