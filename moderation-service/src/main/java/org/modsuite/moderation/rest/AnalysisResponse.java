package org.modsuite.moderation.rest;

import java.util.List;
import java.util.Map;

import org.modsuite.events.Decision;
import org.modsuite.events.Reason;
import org.modsuite.moderation.service.Explanation;

/** The analyses, in request order. */
public record AnalysisResponse(List<Result> results) {

  /**
   * The analysis of one item.
   *
   * @param equivalentTo the removal decision whose content the text repeats exactly (absent otherwise)
   * @param warnings what limited the analysis, e.g. a language without term list or model (absent when none)
   * @param explanation with {@code ?explain=true} only
   */
  public record Result(String id, String language, Decision decision, Map<String, Double> scores, List<Reason> reasons, String modelVersion,
      String rulesVersion, String policyVersion, long latencyMs, String equivalentTo, List<String> warnings, Explanation explanation) {
  }
}
