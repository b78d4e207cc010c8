package org.modsuite.localstack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class PortsTests {

  @Test
  void aTakenPortFailsWithTheServerAndTheOptionToChange() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(Ports.HOST))) {
      assertThatThrownBy(() -> Ports.requireFree(taken.getLocalPort(), "Kafka", "--kafka-port"))
          .isInstanceOf(StartFailedException.class)
          .hasMessageContaining("port " + Ports.HOST + ":" + taken.getLocalPort() + " is taken")
          .hasMessageContaining("--kafka-port");
    }
  }
}
