package org.modsuite.moderation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.modsuite.moderation.service.rules.RuleEngine;
import org.modsuite.moderation.service.rules.RuleSets;

/**
 * Dropped, swapped and run-together letters are restored towards the shipped lexicons, ordinary words are left
 * alone, and every restored word maps back to the original characters it came from. All sentences were written for
 * these tests; none comes from an evaluation suite.
 */
class SpellingRepairTests {

  static final RuleEngine RULES = RuleSets.bundledEngine(List.of("en", "de"));
  static final SpellingRepair EN = SpellingRepair.of(RULES.current("en").ruleSet(), KnownWords.of("en"));
  static final SpellingRepair DE = SpellingRepair.of(RULES.current("de").ruleSet(), KnownWords.of("de"));

  private static String repair(SpellingRepair repair, String original) {
    return repair.repair(TextNormaliser.fold(original)).text();
  }

  /** The original characters behind the first occurrence of {@code word} in the repaired text. */
  private static String originalOf(SpellingRepair repair, String original, String word) {
    TextNormaliser.Folded folded = repair.repair(TextNormaliser.fold(original));
    int at = folded.text().indexOf(word);
    assertThat(at).as("'%s' in repaired '%s'", word, folded.text()).isGreaterThanOrEqualTo(0);
    return original.substring(folded.originalStart(at), folded.originalEnd(at + word.length()));
  }

  @Test
  void droppedLettersAreRestored() {
    assertThat(repair(EN, "Imigrants are vermin")).isEqualTo("immigrants are vermin");
    assertThat(repair(EN, "those refuges are parasites")).isEqualTo("those refugees are parasites");
    assertThat(repair(EN, "Migrnts should be shot")).isEqualTo("migrants should be shot");
    assertThat(repair(DE, "Flüchtlnge sind Ungezifer")).isEqualTo("flüchtlinge sind ungeziefer");
  }

  @Test
  void longWordsMayHaveTwoSlips() {
    assertThat(repair(EN, "imigrnats go home")).isEqualTo("immigrants go home");
    assertThat(repair(DE, "Asylbwreber raus")).isEqualTo("asylbewerber raus");
    assertThat(repair(EN, "dangers ahead")).as("two dropped letters are not repaired").isEqualTo("dangers ahead");
  }

  @Test
  void swappedLettersAreRestored() {
    assertThat(repair(EN, "Mirgants are rats")).isEqualTo("migrants are rats");
    assertThat(repair(EN, "immigrnats are parasties")).isEqualTo("immigrants are parasites");
    assertThat(repair(DE, "Ausländre sind Parasiten")).isEqualTo("ausländer sind parasiten");
  }

  @Test
  void germanUmlautsWrittenWithoutThemAreRestored() {
    assertThat(repair(DE, "Fluechtlinge raus")).isEqualTo("flüchtlinge raus");
    assertThat(repair(DE, "Auslaender sind Abschaum")).isEqualTo("ausländer sind abschaum");
  }

  @Test
  void wordsRunTogetherAreSplit() {
    assertThat(repair(EN, "immigrantvermin everywhere")).isEqualTo("immigrant vermin everywhere");
    assertThat(repair(EN, "refugeesarerats")).isEqualTo("refugees are rats");
    assertThat(repair(DE, "Diese Asylbewerberratten")).isEqualTo("diese asylbewerber ratten");
    assertThat(repair(DE, "Dieses Asylantenpack")).as("a compound the lexicon lists stays whole").isEqualTo("dieses asylantenpack");
  }

  @Test
  void wordsCutByASpaceAreJoined() {
    assertThat(repair(EN, "the immi grants are vermin")).isEqualTo("the immigrants are vermin");
    assertThat(repair(EN, "refu gees out")).isEqualTo("refugees out");
    assertThat(repair(DE, "die Flücht linge")).isEqualTo("die flüchtlinge");
  }

  @Test
  void ordinaryWordsStay() {
    for (String s : List.of("I think the money is better spent on schools", "The hedgehog found refuge in our garden",
        "They looked at the black horses in the east field", "My sister is a therapist", "Sub human is a phrase I hate",
        "#refugeeswelcome and #immigrantvoices", "The grants for immigration lawyers were cut")) {
      assertThat(repair(EN, s)).as(s).isEqualTo(TextNormaliser.fold(s).text());
    }
    for (String s : List.of("Die Kinder leben jeden Tag in der Schule", "Die Hasen im Garten fressen den Salat",
        "Die Ausländerbehörde hat heute zu", "Wir lassen die Toten ruhen", "Unser Urlaub in Tunesien und Algerien war schön")) {
      assertThat(repair(DE, s)).as(s).isEqualTo(TextNormaliser.fold(s).text());
    }
  }

  @Test
  void restoredWordsPointAtTheirOriginalCharacters() {
    assertThat(originalOf(EN, "Those IMIGRANTS again", "immigrants")).isEqualTo("IMIGRANTS");
    assertThat(originalOf(EN, "so many i-m-m-i-g-r-n-t-s", "immigrants")).isEqualTo("i-m-m-i-g-r-n-t-s");
    assertThat(originalOf(EN, "ImmigrantVermin!", "vermin")).isEqualTo("Vermin");
    assertThat(originalOf(EN, "ImmigrantVermin!", "immigrant")).isEqualTo("Immigrant");
    assertThat(originalOf(EN, "the immi grants", "immigrants")).isEqualTo("immi grants");
    assertThat(originalOf(DE, "Fluechtlinge raus", "flüchtlinge")).isEqualTo("Fluechtlinge");
    assertThat(originalOf(DE, "Fluechtlinge raus", "raus")).isEqualTo("raus");
  }

  @Test
  void nothingToRepairReturnsTheSameFolding() {
    TextNormaliser.Folded folded = TextNormaliser.fold("Refugees are welcome here.");
    assertThat(EN.repair(folded)).isSameAs(folded);
  }

  @Test
  void lexiconEntriesExpandToTheirForms() {
    assertThat(LexiconForms.expand("migrants?")).containsExactlyInAnyOrder("migrant", "migrants");
    assertThat(LexiconForms.expand("flüchtling(e|en)?")).containsExactlyInAnyOrder("flüchtlinge", "flüchtlingen", "flüchtling");
    assertThat(LexiconForms.expand("sandn[i1]gg(er|a)s?")).hasSize(8);
    assertThat(LexiconForms.expand("asylum seekers?")).containsExactlyInAnyOrder("asylum seeker", "asylum seekers");
    assertThat(LexiconForms.expand("parasit\\w*")).isEmpty();
    assertThat(LexiconForms.expand("[\\p{L}-]*(heim|heime)")).isEmpty();
  }
}
