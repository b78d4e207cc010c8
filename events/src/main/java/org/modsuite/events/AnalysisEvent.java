package org.modsuite.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The analysis of one post version on {@code posts.analysed}. Scores are per category, 0..1. */
public record AnalysisEvent(
    UUID eventId,
    String eventType,
    int schemaVersion,
    Instant occurredAt,
    String postUid,
    long postVersion,
    String language,
    Map<String, Double> scores,
    Decision decision,
    List<Reason> reasons,
    String equivalentTo,
    String modelVersion,
    String rulesVersion,
    String policyVersion,
    Instant analysedAt,
    long latencyMs) {

  public static final String TYPE = "AnalysisEvent";
  public static final int SCHEMA_VERSION = 1;
  /** The categories every analysis scores. */
  public static final List<String> CATEGORIES = List.of("hate", "incitement", "dehumanisation", "threat", "insult");

  public AnalysisEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(postUid, "postUid");
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(modelVersion, "modelVersion");
    Objects.requireNonNull(rulesVersion, "rulesVersion");
    Objects.requireNonNull(policyVersion, "policyVersion");
    Objects.requireNonNull(analysedAt, "analysedAt");
    if (!TYPE.equals(eventType)) {
      throw new IllegalArgumentException("eventType must be " + TYPE);
    }
    for (String category : CATEGORIES) {
      Double score = scores.get(category);
      if (score == null || score < 0 || score > 1) {
        throw new IllegalArgumentException("scores." + category + " must be between 0 and 1");
      }
    }
    scores = Map.copyOf(scores);
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }
}
