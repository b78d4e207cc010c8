package org.modsuite.moderation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.modsuite.moderation.service.rules.RuleScorer;

/** The classifier's features: n-grams, stems per language, lexicon scores and rule hits by category and phenomenon. */
class ClassifierFeaturesTests {

  private static final LexiconAnalyser LEXICON = new LexiconAnalyser(Lexicon.load());

  private static Map<String, Double> features(String text, String language, RuleScorer.Scored rules) {
    TextNormaliser.Folded folded = TextNormaliser.fold(text);
    return ClassifierFeatures.of(folded.text(), language, LEXICON.score(folded, language), rules);
  }

  @Test
  void wordsBigramsAndStemsOfTheLanguage() {
    assertThat(features("Refugees are arriving", "en", null)).containsKeys("w:[group]", "b:<s>_[group]", "b:arriving_</s>", "s:arriv")
        .doesNotContainKeys("w:refugees", "s:refuge");
    assertThat(features("Die Flüchtlinge kommen", "de", null)).containsKeys("w:[group]", "w:die", "s:komm").doesNotContainKey("s:fluchtling");
  }

  @Test
  void noStemsForALanguageWithoutStemmer() {
    assertThat(features("Refugees are arriving", "fr", null).keySet()).noneMatch(k -> k.startsWith("s:")).contains("w:refugees");
    assertThat(features("Refugees are arriving", null, null).keySet()).noneMatch(k -> k.startsWith("s:"));
  }

  @Test
  void ruleHitsBecomeCategoryTargetAndShieldFeaturesNeverRuleIds() {
    RuleScorer.Scored rules = new RuleScorer.Scored(Map.of("hate", 0.57, "dehumanisation", 0.57, "threat", 0.0, "incitement", 0.0, "insult", 0.0),
        List.of(), 0.7, List.of(
            new RuleScorer.Fired("en.dehum.group-is-vermin", "attack", "dehumanisation", false, 0.57, List.of(), List.of()),
            new RuleScorer.Fired("en.target.group", "target", "protected-group", false, null, List.of(), List.of()),
            new RuleScorer.Fired("en.shield.quote", "shield", "quotation", false, null, List.of(), List.of()),
            new RuleScorer.Fired("en.shield.new-one", "shield", "news", true, null, List.of(), List.of())));
    assertThat(ClassifierFeatures.ruleFeatures(rules)).isEqualTo(Map.of("r:hate", 0.57, "r:dehumanisation", 0.57, "r:target", 1.0,
        "shield:quotation", 1.0));
    assertThat(features("Refugees are vermin", "en", rules)).containsEntry("r:dehumanisation", 0.57).containsEntry("shield:quotation", 1.0)
        .doesNotContainKey("shield:news");
  }

  @Test
  void aLanguageWithoutRulesHasNoRuleFeatures() {
    assertThat(features("Refugees are vermin", "en", null).keySet()).noneMatch(k -> k.startsWith("r:") || k.startsWith("shield:"));
  }

  @Test
  void theScorerRunsTheRulesFirstAndFeedsTheirHitsToTheClassifier() {
    Map<String, Double> features = RuleDecisionTests.SCORER.features("Refugees are vermin", "en");
    assertThat(features).containsKeys("w:[group]", "t:eval", "r:dehumanisation", "r:target");
    FusedScorer.Scores scored = RuleDecisionTests.SCORER.score("Refugees are vermin", "en");
    HateClassifier.Prediction byName = HateClassifier.load(List.of("en")).predict(features, "en");
    assertThat(scored.classifier().logit()).isCloseTo(byName.logit(), within(1e-9));
    assertThat(scored.classifier().topFeatures()).extracting(Map.Entry::getKey).isEqualTo(byName.topFeatures().stream().map(Map.Entry::getKey).toList());
  }

  @Test
  void theServiceScoresCharacterNgramsFromTheWordsAsTrainingDoesByName() {
    HateClassifier model = HateClassifier.load(List.of("en", "de"));
    for (String[] post : new String[][] {{"Refugees are vermin and parasites", "en"}, {"those g4ys should be d3ported lol", "en"},
        {"Das Asylantenpack muss weg, diese Flüchtlingsflut!", "de"}, {"Die Bahn ist heute pünktlich", "de"}}) {
      TextNormaliser.Folded folded = TextNormaliser.fold(post[0]);
      LexiconAnalyser.Scored lexicon = LEXICON.score(folded, post[1]);
      Map<String, Double> byName = ClassifierFeatures.of(folded.text(), post[1], lexicon, null);
      assertThat(byName.keySet()).anyMatch(k -> k.startsWith(CharNgrams.PREFIX));
      HateClassifier.Prediction expected = model.predict(byName, post[1]);
      HateClassifier.Prediction scored = model.predict(ClassifierFeatures.forScoring(folded.text(), post[1], lexicon, null), post[1]);
      assertThat(scored.logit()).as(post[0]).isCloseTo(expected.logit(), within(1e-9));
      assertThat(scored.topFeatures()).extracting(Map.Entry::getKey).isEqualTo(expected.topFeatures().stream().map(Map.Entry::getKey).toList());
    }
  }
}
