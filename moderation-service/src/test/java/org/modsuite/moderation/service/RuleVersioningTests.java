package org.modsuite.moderation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.modsuite.moderation.service.rules.RuleSet;
import org.modsuite.support.rest.Problem;

/** Content versions, the 422 problem of a refused rule set, and which stored policy a replica adopts. */
class RuleVersioningTests {

  private static final Instant DAY = Instant.parse("2026-11-22T18:00:00Z");

  @Test
  void aVersionIsTheDayAndAHashOfTheContentWithoutItsVersionOrMapOrder() {
    Map<String, List<String>> ab = new LinkedHashMap<>();
    ab.put("A", List.of("x"));
    ab.put("B", List.of("y"));
    Map<String, List<String>> ba = new LinkedHashMap<>();
    ba.put("B", List.of("y"));
    ba.put("A", List.of("x"));
    RuleSet one = new RuleSet(null, "en", "d", 0.6, ab, List.of());
    String version = ContentVersions.version("rules-en", one, DAY);
    assertThat(version).matches("rules-en-2026\\.11\\.22-[0-9a-f]{8}");
    assertThat(ContentVersions.version("rules-en", new RuleSet(null, "en", "d", 0.6, ba, List.of()), DAY)).isEqualTo(version);
    assertThat(ContentVersions.version("rules-en", new RuleSet(null, "en", "other", 0.6, ab, List.of()), DAY)).isNotEqualTo(version);
    assertThat(ContentVersions.hash(one.withVersion("v1").withVersion(null))).isEqualTo(ContentVersions.hash(one));
  }

  @Test
  void aRefusedRuleSetNamesEachRuleAndLexicon() {
    Problem problem = RuleManagement.refused(List.of("rule en.a: does not compile: x", "lexicon GROUP: has no entries", "version and language are required"));
    assertThat(problem.status()).isEqualTo(422);
    assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("rules[en.a]", "lexicons.GROUP", "ruleSet");
    assertThat(problem.errors().get(0).message()).isEqualTo("does not compile: x");
  }

  @Test
  void aStoredPolicyIsAdoptedOnlyWhenEditedFromTheFileThisReplicaStartedWith() {
    Policy shipped = Policy.load(Optional.empty());
    PolicyBook book = new PolicyBook(shipped);
    Policy edited = new Policy(null, "stricter", new Policy.Thresholds(0.4, 0.9), Map.of(), Map.of());
    edited = edited.withVersion(ContentVersions.version("policy", edited, DAY));

    assertThat(book.adopt(new PolicyRevision(edited.version(), "someone", DAY, "another-release", edited))).isFalse();
    assertThat(book.current().version()).isEqualTo(shipped.version());

    assertThat(book.adopt(new PolicyRevision(edited.version(), "someone", DAY, book.shipped().base(), edited))).isTrue();
    assertThat(book.current().version()).isEqualTo(edited.version());
  }
}
