package org.modsuite.moderation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.modsuite.events.Decision;

/**
 * The French and Arabic models and lexicons as the service scores them (no rules for these languages), on sentences
 * written for this test: a hateful one reaches review under the bundled policy, a neutral one naming no group stays
 * below it. What the models do with neutral posts that name a group is in the model card (they flag many).
 */
class FrenchArabicModelTests {

  private static final FusedScorer SCORER = new FusedScorer(new LexiconAnalyser(Lexicon.load()),
      HateClassifier.load(AnalysisService.MODEL_LANGUAGES), AnalysisService.MODEL_LANGUAGES, AnalysisService.LANGUAGES, null);
  private static final Policy POLICY = Policy.load(Optional.empty());

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      fr | Les immigrés sont des parasites qui détruisent notre pays.                | review
      fr | Il faut tous les tuer, ces sales arabes.                                  | review
      fr | Je suis d'accord avec toi, c'est une bonne idée.                          | allow
      ar | اللاجئين حشرات ويجب طردهم من بلادنا                                        | review
      ar | يجب قتل كل اليهود                                                          | review
      ar | شكرا على المساعدة، نراكم غدا                                               | allow
      """)
  void theBundledPolicyDecidesOnTheModelAndLexicon(String language, String text, String decision) {
    FusedScorer.Scores scores = SCORER.score(text, language);
    Decision decided = POLICY.decide(scores.ruleScores(), scores.scores(), language);
    assertThat(decided.wireName()).as("%s (hate %s, model %s)", text, scores.scores().get("hate"), scores.classifierLanguage()).isEqualTo(decision);
    assertThat(scores.classifierLanguage()).isEqualTo(language);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"fr", "ar"})
  void bothModelsShareTheVersionOfTheOthers(String language) {
    assertThat(HateClassifier.load(List.of("en", language)).version()).isEqualTo(HateClassifier.load(List.of("de")).version());
  }
}
