package org.modsuite.moderation.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.modsuite.events.Span;

/** Behaviour of the first analyser on sentences written for these tests (no evaluation-suite cases). */
class LexiconAnalyserTests {

  private final LexiconAnalyser analyser = new LexiconAnalyser(Lexicon.load());

  @Test
  void dehumanisingAGroupScoresHigh() {
    var scored = analyser.score("Those refugees are vermin and should be treated like it", "en");
    assertThat(scored.scores().get("dehumanisation")).isGreaterThanOrEqualTo(0.9);
    assertThat(scored.scores().get("hate")).isEqualTo(scored.scores().get("dehumanisation"));
    assertThat(scored.reasons()).extracting(r -> r.id()).contains("en.dehum.vermin");
  }

  @Test
  void obfuscationIsUndoneAndTheSpanPointsIntoTheOriginalText() {
    String text = "migrants are p-a-r-a-s-1-t-e-s";
    var scored = analyser.score(text, "en");
    assertThat(scored.scores().get("dehumanisation")).isGreaterThanOrEqualTo(0.9);
    Span span = scored.reasons().stream().filter(r -> r.id().equals("en.dehum.vermin")).findFirst().orElseThrow().spans().get(0);
    assertThat(text.substring(span.start(), span.end())).isEqualTo("p-a-r-a-s-1-t-e-s");
  }

  @Test
  void negationAndCondemnationLowerTheScore() {
    double plain = analyser.score("Asylbewerber sind Ungeziefer", "de").scores().get("dehumanisation");
    double negated = analyser.score("Asylbewerber sind kein Ungeziefer", "de").scores().get("dehumanisation");
    double condemned = analyser.score("Wer Asylbewerber als Ungeziefer bezeichnet, betreibt widerliche Hetze", "de").scores().get("dehumanisation");
    assertThat(negated).isLessThan(0.5).isLessThan(plain);
    assertThat(condemned).isLessThan(0.5);
  }

  @Test
  void aNewsReportOfViolenceAgainstTheGroupIsNotAThreat() {
    assertThat(analyser.score("Two asylum seekers were attacked and a shelter was burned, police say", "en").scores().get("threat")).isLessThan(0.5);
    assertThat(analyser.score("In Hessen wurden zwei Geflüchtete angegriffen, die Polizei ermittelt", "de").scores().get("hate")).isLessThan(0.5);
  }

  @Test
  void charactersThatExpandUnderNormalisationKeepTheirOffsets() {
    TextNormaliser.Folded folded = TextNormaliser.fold("ﷺ refugees");
    assertThat(folded.text()).endsWith(" refugees");
    assertThat(folded.originalStart(folded.text().indexOf("refugees"))).isEqualTo(2);
  }

  @Test
  void languageIsIdentifiedOnShortPostsOrLeftUnknown() {
    LanguageIdentifier languages = new LanguageIdentifier(java.util.Set.of("en", "de"));
    assertThat(languages.identify("Die Bahn ist heute wieder zu spät")).isEqualTo("de");
    assertThat(languages.identify("The train is late again today")).isEqualTo("en");
    assertThat(languages.identify("👍👍")).isNull();
  }

  @Test
  void aBenignPostScoresZero() {
    assertThat(analyser.score("The train to Hamburg is late again", "en").scores().values()).allMatch(v -> v == 0.0);
  }

  @Test
  void numbersAreNotTurnedIntoLetters() {
    assertThat(TextNormaliser.fold("In 2015 about 1 million").text()).isEqualTo("in 2015 about 1 million");
    assertThat(TextNormaliser.fold("1nvaders").text()).isEqualTo("invaders");
  }
}
