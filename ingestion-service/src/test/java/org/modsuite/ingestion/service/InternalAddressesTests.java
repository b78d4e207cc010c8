package org.modsuite.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class InternalAddressesTests {

  @Test
  void refusesLoopbackLinkLocalAndPrivateTargets() {
    for (String value : List.of("http://127.0.0.1:5432", "http://localhost:8083/q/metrics", "https://10.1.2.3", "http://172.16.0.1",
        "http://192.168.1.1", "http://169.254.169.254/latest/meta-data", "http://[::1]:22", "http://[fd00::1]", "http://[fe80::1]",
        "http://0.0.0.0:9092", "http://100.64.0.1", "http://[::ffff:127.0.0.1]", "127.0.0.1:9092", "localhost:8081")) {
      assertThat(InternalAddresses.named(Map.of("instance", value))).as(value).singleElement()
          .satisfies(error -> assertThat(error.field()).isEqualTo("settings.instance"));
    }
  }

  @Test
  void acceptsPublicAddressesAndValuesThatAreNoHost() {
    for (String value : List.of("https://93.184.215.14", "http://[2001:db8::1]", "sprachcafe", "20", "true", "@chat,@other")) {
      assertThat(InternalAddresses.named(Map.of("url", value))).as(value).isEmpty();
    }
  }

  @Test
  void anUnresolvableNameIsLeftToTheFetch() {
    assertThat(InternalAddresses.named(Map.of("url", "https://no-such-host.invalid/feed"))).isEmpty();
  }
}
