package org.modsuite.moderation.service;

import java.time.Instant;
import java.util.Objects;

/** One removed post in the equivalent-content bank: the decision that removed it and its text's fingerprints. */
public record BankEntry(String postUid, String decisionId, ContentFingerprint fingerprint, Instant removedAt) {

  public BankEntry {
    Objects.requireNonNull(postUid, "postUid");
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }
}
