package org.modsuite.moderation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Exact and near fingerprints, and the framing that keeps quoting counter-speech from matching. */
class FingerprinterTests {

  static final String REMOVED = "The refugees in our town are vermin and parasites who steal everything we built over decades";
  private static final LexiconAnalyser LEXICON = new LexiconAnalyser(Lexicon.load());

  static ContentFingerprint of(String text) {
    return Fingerprinter.of(text, LEXICON.score(text, "en").fired());
  }

  @Test
  void exactFingerprintIgnoresCaseSpacingPunctuationAndObfuscation() {
    ContentFingerprint original = of(REMOVED);
    assertThat(of("  the REFUGEES in our town are vermin and p-a-r-a-s-1-t-e-s, who steal everything we built over decades!!! ").exact())
        .isEqualTo(original.exact());
    assertThat(of(REMOVED + " again").exact()).isNotEqualTo(original.exact());
    assertThat(original.exact()).hasSize(64);
  }

  @Test
  void aLightlyEditedCopyIsNear() {
    double similarity = MinHash.similarity(of(REMOVED).minHash(),
        of("The refugees in our city are vermin and parasites who steal everything we built over decades").minHash());
    assertThat(similarity).isGreaterThanOrEqualTo(0.6); // true Jaccard 13/17 = 0.76
  }

  @Test
  void anUnrelatedTextOrTheSameWordsReorderedAreNotNear() {
    assertThat(MinHash.similarity(of(REMOVED).minHash(), of("The harbour festival starts on Friday with music and food for everyone").minHash()))
        .isLessThan(0.2);
    assertThat(MinHash.similarity(of(REMOVED).minHash(), of("decades over built we everything steal who parasites and vermin are town our in refugees the")
        .minHash())).isLessThan(0.2);
  }

  @Test
  void similarityEstimatesJaccard() {
    // 100 shared of 200 distinct shingles: J = 0.5; 128 hash functions keep the estimate within about ±0.15.
    List<String> a = java.util.stream.IntStream.range(0, 150).mapToObj(i -> "s" + i).toList();
    List<String> b = java.util.stream.IntStream.range(50, 200).mapToObj(i -> "s" + i).toList();
    assertThat(MinHash.similarity(MinHash.signature(a), MinHash.signature(b))).isBetween(0.35, 0.65);
    assertThat(MinHash.similarity(MinHash.signature(a), MinHash.signature(a))).isEqualTo(1.0);
  }

  @Test
  void framingNamesQuotedPassagesAndCondemningOrReportingCues() {
    assertThat(of(REMOVED).framing()).isEmpty();
    assertThat(of("Someone wrote \"" + REMOVED + "\" under the article").framing()).containsExactly(Fingerprinter.QUOTE);
    assertThat(of("This is racist: " + REMOVED).framing()).containsExactly("en.context.counter");
    assertThat(of("Er schrieb „Flüchtlinge sind Ungeziefer“").framing()).contains(Fingerprinter.QUOTE);
    assertThat(of("they call it \"freedom\" fries").framing()).isEmpty(); // one quoted word is no passage
  }

  @Test
  void aTextWithoutWordsHasNoNearFingerprint() {
    ContentFingerprint punctuation = of("!!! ?! …");
    assertThat(punctuation.minHash()).isNull();
    assertThat(punctuation.exact()).hasSize(64);
    assertThat(punctuation.framing()).isEqualTo(Set.of());
    assertThat(of("👍👍 !!!").minHash()).isNotNull(); // emoji fold to the words of their names (thumbs up)
  }

  @Test
  void aLongTextWithAnUnclosedQuoteIsFingerprintedQuickly() {
    String text = "\"" + "word ".repeat(13_000);
    long started = System.nanoTime();
    ContentFingerprint fingerprint = of(text);
    assertThat(fingerprint.framing()).doesNotContain(Fingerprinter.QUOTE);
    assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
  }
}
