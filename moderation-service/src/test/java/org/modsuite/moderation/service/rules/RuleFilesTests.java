package org.modsuite.moderation.service.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bundled rule file compiles and every rule passes its own examples; broken rules are refused by name. */
class RuleFilesTests {

  static final NlpPipelines PIPELINES = new NlpPipelines(List.of("en", "de"));
  static final RuleEngine ENGINE = new RuleEngine(PIPELINES);

  @ParameterizedTest
  @ValueSource(strings = {"en", "de"})
  void bundledRulesPassTheirExamples(String language) {
    RuleSet rules = RuleSets.bundled(language);
    assertThat(rules.language()).isEqualTo(language);
    assertThat(rules.rules()).allSatisfy(r -> assertThat(r.id()).startsWith(language + "."));
    RuleSets.validate(rules, ENGINE);
  }

  @Test
  void aRuleThatDoesNotCompileIsRefusedByName() {
    RuleSet broken = withRule(RuleSets.bundled("en"), new Rule("en.broken", "broken", Rule.ATTACK, "threat", Rule.TOKENSREGEX, "( /kill/",
        0.9, null, false, null, new Rule.Examples(List.of("kill"), List.of())));
    assertThatThrownBy(() -> RuleSets.validate(broken, ENGINE)).isInstanceOf(RuleSetException.class)
        .satisfies(e -> assertThat(((RuleSetException) e).problems()).singleElement().asString().startsWith("rule en.broken: does not compile"));
  }

  @Test
  void aRuleThatFailsItsOwnExamplesIsRefused() {
    RuleSet failing = withRule(RuleSets.bundled("en"), new Rule("en.too-wide", "too wide", Rule.ATTACK, "threat", Rule.TOKENSREGEX, "/kill\\w*/",
        0.9, null, false, null, new Rule.Examples(List.of("kill them"), List.of("they killed the engine"))));
    assertThatThrownBy(() -> RuleSets.validate(failing, ENGINE)).isInstanceOf(RuleSetException.class)
        .hasMessageContaining("rule en.too-wide: matches \"they killed the engine\"");
  }

  @Test
  void anUnknownLexiconIsNamed() {
    RuleSet unknown = withRule(RuleSets.bundled("en"), new Rule("en.unknown", "unknown", Rule.ATTACK, "threat", Rule.TOKENSREGEX, "$NOPE",
        0.9, null, false, null, new Rule.Examples(List.of("x"), List.of())));
    assertThatThrownBy(() -> RuleSets.validate(unknown, ENGINE)).hasMessageContaining("rule en.unknown: unknown lexicon [NOPE]");
  }

  @Test
  void onlySemgrexPatternsWithoutAlternationOrOptionalNodesAreSkippedInSentencesMissingTheirLexicons() {
    assertThat(CompiledRuleSet.conjunctive("{word:$VERMIN} >nsubj {word:/a|b/}")).isTrue();
    assertThat(CompiledRuleSet.conjunctive("{word:$VERMIN} >nsubj {} | {word:$GROUP}")).isFalse();
    assertThat(CompiledRuleSet.conjunctive("{word:$VERMIN} !>nsubj {word:$GROUP}")).isFalse();
  }

  static RuleSet withRule(RuleSet set, Rule rule) {
    List<Rule> rules = new ArrayList<>(set.rules());
    rules.add(rule);
    return new RuleSet(set.version(), set.language(), set.description(), set.noTargetFactor(), set.lexicons(), rules);
  }
}
