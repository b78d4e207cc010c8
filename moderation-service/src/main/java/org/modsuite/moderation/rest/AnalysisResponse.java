package org.modsuite.moderation.rest;

import java.util.List;
import java.util.Map;

import org.modsuite.events.Decision;
import org.modsuite.events.Reason;

/** The analyses, in request order. */
public record AnalysisResponse(List<Result> results) {

  /** The analysis of one item. */
  public record Result(String id, String language, Decision decision, Map<String, Double> scores, List<Reason> reasons, String modelVersion,
      String rulesVersion, String policyVersion, long latencyMs) {
  }
}
