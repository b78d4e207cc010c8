package org.modsuite.localstack.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RestartPolicyTests {

  private static final Duration BRIEF = Duration.ofSeconds(2);

  @Test
  void doublesFromOneSecondUpToThirtySeconds() {
    RestartPolicy policy = RestartPolicy.standard();
    long[] seconds = new long[8];
    for (int i = 0; i < seconds.length; i++) {
      seconds[i] = policy.delayAfter(BRIEF).toSeconds();
    }
    assertThat(seconds).containsExactly(1, 2, 4, 8, 16, 30, 30, 30);
  }

  @Test
  void aProcessThatStayedUpLongEnoughStartsOverAtTheInitialDelay() {
    RestartPolicy policy = RestartPolicy.standard();
    policy.delayAfter(BRIEF);
    policy.delayAfter(BRIEF);
    assertThat(policy.delayAfter(BRIEF)).isEqualTo(Duration.ofSeconds(4));
    assertThat(policy.delayAfter(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.delayAfter(BRIEF)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void justUnderTheStableTimeKeepsBackingOff() {
    RestartPolicy policy = new RestartPolicy(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(10));
    assertThat(policy.delayAfter(Duration.ofSeconds(9))).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.delayAfter(Duration.ofSeconds(9))).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.delayAfter(Duration.ofSeconds(9))).isEqualTo(Duration.ofMillis(250));
    assertThat(policy.delayAfter(Duration.ofSeconds(10))).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void refusesAMaximumBelowTheInitialDelay() {
    assertThatThrownBy(() -> new RestartPolicy(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void describesDeathBySignal() {
    assertThat(ExitDescription.of(137)).isEqualTo("killed by SIGKILL (exit code 137)");
    assertThat(ExitDescription.of(143)).isEqualTo("killed by SIGTERM (exit code 143)");
    assertThat(ExitDescription.of(1)).isEqualTo("exited with code 1");
  }
}
