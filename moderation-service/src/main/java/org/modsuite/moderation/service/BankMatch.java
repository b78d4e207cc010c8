package org.modsuite.moderation.service;

import java.util.Set;

/**
 * A bank entry that a new text matches.
 *
 * @param kind {@code exact} (same normalised text) or {@code near} (MinHash similarity at or above the threshold)
 * @param similarity 1.0 for an exact match, else the estimated Jaccard similarity of the word shingles
 * @param suppressedBy the framing the new text adds (a quoted passage, condemning or reporting cues); not empty means
 *     the match is reported but not applied, as the new text quotes the removed one to condemn or report it
 */
public record BankMatch(String kind, String postUid, String decisionId, double similarity, Set<String> suppressedBy) {

  public static final String EXACT = "exact";
  public static final String NEAR = "near";

  public boolean applies() {
    return suppressedBy.isEmpty();
  }
}
