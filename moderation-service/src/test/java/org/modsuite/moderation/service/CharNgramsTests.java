package org.modsuite.moderation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Character n-grams: hashed parts of words, shared by a compound and its parts, the same on every run. */
class CharNgramsTests {

  private static final CharNgrams TWO_TO_FOUR = CharNgrams.of(2, 4, 1 << 20, 1, false);

  private static Map<String, Double> of(CharNgrams ngrams, String... words) {
    Map<String, Double> features = new HashMap<>();
    ngrams.addTo(List.of(words), features);
    return features;
  }

  @Test
  void everyNgramOfTheMarkedWordIsABucket() {
    // _ab_ (marks counted): _a ab b_ _ab ab_ _ab_: six n-grams of 2 to 4 characters, six buckets among 2^20
    Map<String, Double> features = of(TWO_TO_FOUR, "ab");
    assertThat(features).hasSize(6).allSatisfy((name, value) -> assertThat(name).matches("c:\\d+"));
    assertThat(features.values()).containsOnly(1.0);
  }

  @Test
  void aCompoundSharesItsPartsNgramsWithTheWordsItIsMadeOf() {
    Set<String> compound = of(TWO_TO_FOUR, "asylantenpack").keySet();
    Set<String> part = of(TWO_TO_FOUR, "pack").keySet();
    Set<String> shared = part.stream().filter(compound::contains).collect(Collectors.toSet());
    // pa ac ck k_ pac ack ck_ pack ack_: all twelve of pack's n-grams but the three at its start (_p _pa _pac)
    assertThat(shared).hasSize(9);
    assertThat(TWO_TO_FOUR.ngramsIn(List.of("asylantenpack"), bucket(part, "pack", "ack_"))).contains("ack_");
  }

  @Test
  void theSameWordGivesTheSameBucketsInAnotherInstance() {
    assertThat(of(CharNgrams.of(2, 4, 1 << 20, 1, false), "flüchtlingsflut")).isEqualTo(of(TWO_TO_FOUR, "flüchtlingsflut"));
  }

  @Test
  void normalisedValuesShrinkWithTheNumberOfNgrams() {
    CharNgrams normalised = CharNgrams.of(2, 4, 1 << 20, 1, true);
    assertThat(of(normalised, "ab").values()).containsOnly(1 / Math.sqrt(6));
    assertThat(normalised.describe()).isEqualTo("2-4/1048576/1/sqrt");
    assertThat(TWO_TO_FOUR.describe()).isEqualTo("2-4/1048576/1");
  }

  @Test
  void theShippedFeaturesHaveCharacterNgrams() {
    TextNormaliser.Folded folded = TextNormaliser.fold("Flüchtlingsflut");
    Map<String, Double> features = ClassifierFeatures.of(folded.text(), "de", new LexiconAnalyser(Lexicon.load()).score(folded, "de"), null);
    assertThat(features.keySet()).anyMatch(k -> k.startsWith(CharNgrams.PREFIX));
  }

  /** The bucket of {@code ngram} (marks as _), found among {@code buckets} through {@link CharNgrams#ngramsIn}. */
  private static int bucket(Set<String> buckets, String word, String ngram) {
    return buckets.stream().mapToInt(b -> Integer.parseInt(b.substring(2)))
        .filter(b -> TWO_TO_FOUR.ngramsIn(List.of(word), b).contains(ngram)).findFirst().orElseThrow();
  }
}
