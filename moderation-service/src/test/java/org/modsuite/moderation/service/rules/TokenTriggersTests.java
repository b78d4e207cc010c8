package org.modsuite.moderation.service.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.util.CoreMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modsuite.moderation.service.TextNormaliser;

/** Rules run only in sentences with the words they need, and that skips nothing a rule would have matched. */
class TokenTriggersTests {

  private static final Map<String, String> LEXICONS = Map.of("GROUP", "migrants|refugees", "VERMIN", "rats|vermin");

  @Test
  void aSequenceNeedsEveryElementThatMustMatch() {
    assertThat(TokenTriggers.of("$GROUP (/are|is/) []{0,3} $VERMIN", LEXICONS))
        .contains(List.of(Set.of("migrants|refugees", "are|is", "rats|vermin")));
  }

  @Test
  void optionalElementsNeedNothing() {
    assertThat(TokenTriggers.of("(/they|them/) (/are/)? []{0,2} /not/* $VERMIN{0,1} /x/+", LEXICONS))
        .contains(List.of(Set.of("they|them", "x")));
  }

  @Test
  void alternationGivesAlternatives() {
    assertThat(TokenTriggers.of("$VERMIN | /stop/ (/calling|comparing/) | (?: /is/ /not/? /ok(ay)?/ )", LEXICONS)).contains(List.of(
        Set.of("rats|vermin"), Set.of("stop", "calling|comparing"), Set.of("is", "ok(ay)?")));
    assertThat(TokenTriggers.of("(/should/ | /time/ /to/) []{0,3} $VERMIN", LEXICONS))
        .contains(List.of(Set.of("should", "rats|vermin"), Set.of("time", "to", "rats|vermin")));
  }

  @Test
  void negatedAndNestedPartsAreRead() {
    Map<String, String> lexicons = Map.of("GROUP", "g", "VERMIN", "v", "INSULT", "i", "NEWS", "n", "NEGATOR", "not", "CONDEMN", "c");
    assertThat(TokenTriggers.of("$GROUP ($VERMIN) []{0,2} $INSULT? ($NEWS)* ($NEGATOR){0,2} !$CONDEMN", lexicons))
        .contains(List.of(Set.of("g", "v")));
    assertThat(TokenTriggers.of("(?: $GROUP /x|y/ ) ([{word:/a|b/}] $VERMIN) !( /z/ )", lexicons)).contains(List.of(Set.of("g", "x|y", "v")));
    assertThat(TokenTriggers.of("$GROUP []{0,4} (/sterben/ | $VERMIN)", lexicons)).contains(List.of(Set.of("g", "sterben"), Set.of("g", "v")));
    assertThat(TokenTriggers.of("$GROUP )", lexicons)).isEmpty();
  }

  @Test
  void aPhraseCountsByItsLongestWord() {
    assertThat(List.of("an die wand", "put a bullet", "bullets? for", "kopf ab", "migrants")).map(CompiledRuleSet::keyWord)
        .containsExactly("wand", "bullet", "bullets?", "kopf", "migrants");
  }

  @Test
  void germanLexiconPhrasesAreSplitAsTheTokenizerSplitsContractions() {
    assertThat(Contractions.expand("ins gas")).isEqualTo("in das gas");
    assertThat(Contractions.expand("aufs maul")).isEqualTo("auf das maul");
    assertThat(Contractions.expand("zur hölle")).isEqualTo("zu der hölle");
    RuleSet german = RuleSets.bundled("de");
    Rule rule = new Rule("de.test.gas", "test", Rule.ATTACK, "threat", Rule.TOKENSREGEX, "$GROUP []{0,4} $GAS", 0.9, null, false,
        Rule.ACTIVE, new Rule.Examples(List.of("Die Flüchtlinge gehören ins Gas."), List.of()));
    CompiledRuleSet rules = CompiledRuleSet.compile(new RuleSet(german.version(), "de", "test", german.noTargetFactor(),
        Map.of("GROUP", List.of("flüchtlinge"), "GAS", List.of("ins gas")), List.of(rule)));
    List<CoreMap> sentences = sentences(TextNormaliser.fold("Die Flüchtlinge gehören ins Gas.").text(), "de");
    assertThat(rules.matchCheap(sentences, sentences.stream().map(rules::triggersIn).toList())).hasSize(1);
  }

  @Test
  void escapedSlashesAndAnchorsAreRead() {
    assertThat(TokenTriggers.of("^ (/are|is/) []* /\\?/ $", LEXICONS)).contains(List.of(Set.of("are|is", "\\?")));
    assertThat(TokenTriggers.of("/14\\/88/", LEXICONS)).contains(List.of(Set.of("14/88")));
  }

  @Test
  void aPatternThatCanMatchAnythingOrIsNotUnderstoodAlwaysRuns() {
    assertThat(TokenTriggers.of("[]{0,3} /x/?", LEXICONS)).isEmpty();
    assertThat(TokenTriggers.of("/x/ | [{tag:NN}]", LEXICONS)).isEmpty();
    assertThat(TokenTriggers.of("(?i /x/)", LEXICONS)).isEmpty();
    assertThat(TokenTriggers.of("$UNKNOWN", LEXICONS)).isEmpty();
  }

  @Test
  void wordsAreLookedUpAndRegexesRun() {
    TriggerIndex index = new TriggerIndex();
    int plain = index.id("are|is");
    int regex = index.id("fuck\\w*|damn");
    assertThat(TriggerIndex.topLevelAlternatives("a|b(c|d)|[x|y]")).containsExactly("a", "b(c|d)", "[x|y]");
    assertThat(List.of("fuck\\w*", "dreckige?", "ab+c", "(?i)x", "\\?")).map(TriggerIndex::literalPrefix)
        .containsExactly("fuck", "dreckig", "ab", "", "");
    CoreMap sentence = sentences("they is fucking late", "en").get(0);
    assertThat(index.present(sentence).get(plain)).isTrue();
    assertThat(index.present(sentence).get(regex)).isTrue();
    assertThat(index.present(sentences("they were late", "en").get(0)).get(plain)).isFalse();
  }

  /**
   * The bundled rules find the same matches with and without triggers, on every example of the rule files and on the
   * first 600 posts of the benchmark corpus (hateful and benign, English and German).
   */
  @ParameterizedTest
  @ValueSource(strings = {"en", "de"})
  void triggersSkipNothingTheRulesWouldMatch(String language) throws IOException {
    CompiledRuleSet rules = CompiledRuleSet.compile(RuleSets.bundled(language));
    List<String> texts = new ArrayList<>();
    rules.ruleSet().rules().forEach(r -> {
      texts.addAll(r.examples().match());
      texts.addAll(r.examples().noMatch());
    });
    texts.addAll(corpus(language));
    int matched = 0;
    for (String text : texts) {
      List<CoreMap> sentences = sentences(TextNormaliser.fold(text).text(), language);
      List<RuleHit> triggered = rules.matchCheap(sentences, sentences.stream().map(rules::triggersIn).toList());
      assertThat(triggered).as(text).containsExactlyInAnyOrderElementsOf(rules.matchCheapUntriggered(sentences));
      matched += triggered.isEmpty() ? 0 : 1;
    }
    assertThat(matched).isGreaterThan(100);
  }

  private static List<String> corpus(String language) throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (Stream<String> lines = Files.lines(Path.of("../model-training/benchmark/corpus.jsonl"))) {
      return lines.limit(600).map(line -> {
        try {
          return json.readTree(line);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }).filter(post -> post.path("language").asText().equals(language)).map(post -> post.path("text").asText()).toList();
    }
  }

  private static List<CoreMap> sentences(String text, String language) {
    return RuleFilesTests.PIPELINES.tokenise(text, language).get(CoreAnnotations.SentencesAnnotation.class);
  }
}
