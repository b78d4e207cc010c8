package org.modsuite.moderation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.modsuite.events.Decision;

class PolicyTests {

  private static final Map<String, Double> NONE = Map.of();

  private static Path write(String json) throws Exception {
    Path file = Files.createTempFile("policy", ".json");
    Files.writeString(file, json);
    return file;
  }

  @Test
  void theBundledPolicyLoadsAndRemovesOnlyOnRuleEvidence() {
    Policy policy = Policy.load(Optional.empty());
    assertThat(policy.version()).startsWith("policy-");
    assertThat(policy.decide(Map.of("dehumanisation", 0.9), Map.of("dehumanisation", 0.9), "en")).isEqualTo(Decision.REMOVE);
    assertThat(policy.decide(NONE, Map.of("hate", 0.97), "en")).as("the classifier alone").isEqualTo(Decision.REVIEW);
    assertThat(policy.decide(Map.of("insult", 0.7), Map.of("insult", 0.7), "de")).isEqualTo(Decision.REVIEW);
    assertThat(policy.decide(Map.of("threat", 0.2), Map.of("threat", 0.2, "hate", 0.3), null)).isEqualTo(Decision.ALLOW);
  }

  @Test
  void unsupportedLanguagesReviewOnALexiconHitByDefaultAndThePolicyCanChangeIt() throws Exception {
    Policy bundled = Policy.load(Optional.empty());
    assertThat(bundled.decideUnsupported(true)).isEqualTo(Decision.REVIEW);
    assertThat(bundled.decideUnsupported(false)).isEqualTo(Decision.ALLOW);
    assertThat(bundled.lexiconDecidesAlso("fr")).isTrue();
    assertThat(bundled.lexiconDecidesAlso("en")).isFalse();
    assertThat(bundled.decide(Map.of("dehumanisation", 0.95), Map.of("dehumanisation", 0.95), "ar")).as("no removal on the lexicon alone")
        .isEqualTo(Decision.REVIEW);
    Policy absent = Policy.load(Optional.of(write("""
        {"version":"p-1","default":{"review":0.5,"remove":0.9}}""")));
    assertThat(absent.decideUnsupported(true)).isEqualTo(Decision.REVIEW);
    assertThat(absent.decideUnsupported(false)).isEqualTo(Decision.ALLOW);
    Policy strict = Policy.load(Optional.of(write("""
        {"version":"p-2","default":{"review":0.5,"remove":0.9},"unsupportedLanguages":{"onLexiconHit":"review","otherwise":"review"}}""")));
    assertThat(strict.decideUnsupported(false)).isEqualTo(Decision.REVIEW);
    assertThat(strict.withVersion("p-3").decideUnsupported(false)).isEqualTo(Decision.REVIEW);
    assertThatThrownBy(() -> Policy.load(Optional.of(write("""
        {"version":"p-4","default":{"review":0.5,"remove":0.9},"unsupportedLanguages":{"onLexiconHit":"remove"}}"""))))
        .hasMessageContaining("unsupportedLanguages");
  }

  @Test
  void languageOverridesCategoryOverridesDefault() throws Exception {
    Policy policy = Policy.load(Optional.of(write("""
        {"version":"p-1","default":{"review":0.5,"remove":0.9},
         "categories":{"insult":{"review":0.6}},
         "languages":{"de":{"insult":{"review":0.8}}}}""")));
    assertThat(policy.thresholds("insult", "de")).containsExactly(0.8, 0.9);
    assertThat(policy.thresholds("insult", "en")).containsExactly(0.6, 0.9);
    assertThat(policy.thresholds("threat", "de")).containsExactly(0.5, 0.9);
    assertThat(policy.decide(NONE, Map.of("insult", 0.7), "de")).isEqualTo(Decision.ALLOW);
    assertThat(policy.decide(NONE, Map.of("insult", 0.7), "en")).isEqualTo(Decision.REVIEW);
  }

  @Test
  void anInvalidPolicyIsRefusedWithTheReason() throws Exception {
    assertThatThrownBy(() -> Policy.load(Optional.of(write("{\"version\":\"p\",\"default\":{\"review\":0.9,\"remove\":0.5}}"))))
        .hasMessageContaining("review <= remove");
    assertThatThrownBy(() -> Policy.load(Optional.of(write("{\"version\":\"p\",\"default\":{\"review\":0.5,\"remove\":0.9},\"categories\":{\"spam\":{}}}"))))
        .hasMessageContaining("unknown category spam");
    assertThatThrownBy(() -> Policy.load(Optional.of(write("{\"default\":{\"review\":0.5,\"remove\":0.9}}")))).hasMessageContaining("no version");
    assertThatThrownBy(() -> Policy.load(Optional.of(write("{\"version\":\"p\",\"default\":{\"review\":0.5,\"remove\":0.9},\"threshold\":1}"))))
        .hasMessageContaining("threshold");
  }
}
