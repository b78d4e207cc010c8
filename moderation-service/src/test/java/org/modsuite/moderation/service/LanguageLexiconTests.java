package org.modsuite.moderation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lexicons of the languages beyond English and German, each read alone (a post of that language reads only its own
 * terms): a hateful sentence written for this test names a group and scores an attack, a neutral one about the same
 * group scores none. The sentences were written for ModSuite, not taken from any dataset or test suite.
 */
class LanguageLexiconTests {

  private static final LexiconAnalyser LEXICON = new LexiconAnalyser(Lexicon.load());

  static Stream<Arguments> sentences() {
    return Stream.of(
        Arguments.of("fr", "Les migrants sont des parasites, il faut les renvoyer chez eux.", "Les migrants arrivés hier ont trouvé un logement."),
        Arguments.of("fr", "Ces bougnoules d'immigrés, qu'ils dégagent !", "Mes voisins musulmans nous ont invités à dîner."),
        Arguments.of("es", "Los inmigrantes son ratas y hay que echarlos.", "Los inmigrantes de mi barrio abrieron una panadería."),
        Arguments.of("tr", "Suriyeliler hayvan gibi, hepsi defolsun!", "Suriyeli komşularımız bize yemek getirdi."),
        Arguments.of("ru", "Мигранты — паразиты, их надо выгнать.", "Мигранты из нашего двора открыли пекарню."),
        Arguments.of("uk", "Ці біженці — паразити, виженіть їх.", "Біженці з нашого міста відкрили пекарню."),
        Arguments.of("ar", "اللاجئين حشرات ويجب طردهم من بلادنا", "اللاجئون في مدينتنا فتحوا مخبزا جديدا"),
        Arguments.of("fa", "این مهاجران افغانی حشره هستند و باید اخراج شوند", "مهاجران افغانی همسایه ما نانوایی باز کردند"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("sentences")
  void aHatefulSentenceNamesAGroupAndScoresAnAttackANeutralOneDoesNot(String language, String hateful, String neutral) {
    LexiconAnalyser.Scored hate = LEXICON.score(hateful, language);
    assertThat(hate.fired()).extracting(LexiconAnalyser.Fired::kind).contains("target");
    assertThat(hate.scores().get("hate")).as("hate score of %s", hateful).isGreaterThanOrEqualTo(0.5);
    assertThat(hate.fired()).allSatisfy(f -> assertThat(f.id()).startsWith(language + "."));

    LexiconAnalyser.Scored calm = LEXICON.score(neutral, language);
    assertThat(calm.fired()).extracting(LexiconAnalyser.Fired::kind).contains("target");
    assertThat(calm.scores().values()).as("scores of %s", neutral).allSatisfy(v -> assertThat(v).isLessThan(0.5));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sentences")
  void everyLanguageHasItsOwnFileAndNoEntryOfAnother(String language, String hateful, String neutral) {
    assertThat(Lexicon.LANGUAGE_FILES).contains(language);
    assertThat(Lexicon.load().languages()).containsAll(List.of("en", "de", language));
    assertThat(Lexicon.load().version()).contains("+lexicons-");
  }

  @org.junit.jupiter.api.Test
  void aPostOfUnknownLanguageIsReadOnlyWithTheEnglishAndGermanTerms() {
    assertThat(LEXICON.score("les rats", null).fired()).extracting(LexiconAnalyser.Fired::id).doesNotContain("fr.dehum.vermin");
    assertThat(LEXICON.score("les rats", "fr").fired()).extracting(LexiconAnalyser.Fired::id).contains("fr.dehum.vermin");
  }
}
