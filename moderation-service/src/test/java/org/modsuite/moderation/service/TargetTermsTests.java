package org.modsuite.moderation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The group placeholder and the target-directed negativity features, on sentences written for this test. */
class TargetTermsTests {

  private static TargetTerms.Tagged tag(String text, String language) {
    return TargetTerms.SHIPPED.tag(ClassifierFeatures.words(TextNormaliser.fold(text).text()), language);
  }

  @Test
  void everyGroupBecomesOnePlaceholderSoThatNoNameCarriesWeight() {
    List<String> immigrant = tag("Her colleague is an immigrant.", "en").words();
    assertThat(immigrant).containsExactly("her", "colleague", "is", "an", TargetTerms.PLACEHOLDER);
    assertThat(tag("Her colleague is a Muslim.", "en").words()).containsExactly("her", "colleague", "is", "a", TargetTerms.PLACEHOLDER);
    assertThat(tag("Asylum seekers arrived", "en").words()).containsExactly(TargetTerms.PLACEHOLDER, "arrived");
    assertThat(tag("Die Geflüchteten kamen gestern", "de").words()).containsExactly("die", TargetTerms.PLACEHOLDER, "kamen", "gestern");
  }

  @Test
  void aNegativeTermNearAGroupIsTargetDirected() {
    assertThat(tag("Immigrants are disgusting.", "en").features()).containsKey("t:eval");
    assertThat(tag("I hate immigrants", "en").features()).containsKey("t:emotion");
    assertThat(tag("Immigrants belong in a zoo", "en").features()).containsKeys("t:wish");
    assertThat(tag("Flüchtlinge sind minderwertig", "de").features()).containsKey("t:eval");
  }

  @Test
  void aPronounCountsWhenThePostNamesAGroup() {
    assertThat(tag("I met some refugees yesterday. Honestly, they are filthy.", "en").features()).containsKey("t:eval");
    assertThat(tag("They are filthy.", "en").features()).containsKey("p:eval").doesNotContainKey("t:eval");
  }

  @Test
  void negationAndDistanceAreMarked() {
    assertThat(tag("Immigrants are not disgusting", "en").features()).containsKey("t:eval-neg").doesNotContainKey("t:eval");
    assertThat(tag("This weather is disgusting", "en").features()).containsKey("n:eval").doesNotContainKey("t:eval");
  }

  @Test
  void aLanguageWithoutLexiconIsLeftAsItIs() {
    TargetTerms.Tagged tagged = tag("Les réfugiés sont là", "fr");
    assertThat(tagged.words()).isEqualTo(ClassifierFeatures.words(TextNormaliser.fold("Les réfugiés sont là").text()));
    assertThat(tagged.features()).isEmpty();
  }
}
