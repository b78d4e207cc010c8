package org.modsuite.report.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.modsuite.events.Reason;
import org.modsuite.report.ModerationCase;

/** A case as the API shows it: the item, the state, and the analysis that opened or last updated it. */
public record CaseView(UUID id, String postUid, String state, String source, String suggestedDecision, String language, String topCategory,
    double topScore, Map<String, Double> scores, List<Reason> reasons, long postVersion, String modelVersion, String rulesVersion,
    String policyVersion, Instant openedAt, Instant updatedAt) {

  private static final ObjectMapper JSON = org.modsuite.events.EventJson.configure(new ObjectMapper());

  public static CaseView of(ModerationCase c) {
    try {
      return new CaseView(c.getId(), c.getPostUid(), c.getState(), c.getSource(), c.getSuggestedDecision(), c.getLanguage(), c.getTopCategory(),
          c.getTopScore(), JSON.readValue(c.getScores(), new TypeReference<Map<String, Double>>() { }),
          JSON.readValue(c.getReasons(), new TypeReference<List<Reason>>() { }), c.getPostVersion(), c.getModelVersion(), c.getRulesVersion(),
          c.getPolicyVersion(), c.getOpenedAt(), c.getUpdatedAt());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("case " + c.getId() + " holds unreadable analysis JSON", e);
    }
  }
}
