package org.modsuite.moderation.service;

import java.util.Set;

/**
 * The fingerprints of one text, as the bank stores them.
 *
 * @param exact SHA-256 (hex) of the normalised text: its folded words, joined by single spaces
 * @param minHash MinHash signature of the normalised text's word shingles, null when it has no words
 * @param framing how the text frames what it says: {@code quote} when it holds a quoted passage, and the ids of the
 *     lexicon's condemning or reporting cues that fired. A match is not applied when the new text adds framing the
 *     removed one did not have (counter-speech or news quoting it).
 */
public record ContentFingerprint(String exact, int[] minHash, Set<String> framing) {

  public ContentFingerprint {
    framing = framing == null ? Set.of() : Set.copyOf(framing);
  }
}
