package org.modsuite.moderation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The recall-first operating points (policy-recall90.json, derived by scripts/evaluate-dev) load and apply per language. */
class PolicyRecall90Tests {

  @Test
  void theRecallFirstPolicyLoadsWithItsPerLanguageReviewThresholds() {
    Policy policy = Policy.load(Optional.of(Path.of("src/main/resources/policy/policy-recall90.json")));
    assertThat(policy.review("hate", "en")).isEqualTo(0.144);
    assertThat(policy.review("hate", "de")).isEqualTo(0.211);
    assertThat(policy.review("hate", "fr")).isEqualTo(0.5);
    assertThat(policy.remove("threat", "en")).isEqualTo(1.0);
  }
}
