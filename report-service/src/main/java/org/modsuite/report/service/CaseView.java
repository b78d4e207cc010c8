package org.modsuite.report.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.modsuite.events.EventJson;
import org.modsuite.events.Reason;
import org.modsuite.report.ModerationCase;

/**
 * A case as the API shows it: the item, the state, the queue fields, and the analysis that opened or last updated it
 * (absent for a case opened by a notice before any analysis).
 */
public record CaseView(UUID id, String postUid, String state, String source, int priority, String claimedBy, Instant claimExpiresAt,
    Instant decisionDueAt, int noticeCount, boolean trustedFlagger, String dsaCategory, boolean severe, String suggestedDecision,
    String language, String topCategory, Double topScore, Map<String, Double> scores, List<Reason> reasons, Long postVersion,
    String modelVersion, String rulesVersion, String policyVersion, Instant openedAt, Instant updatedAt, Instant decidedAt, String equivalentTo) {

  private static final ObjectMapper JSON = EventJson.configure(new ObjectMapper());

  public static CaseView of(ModerationCase c) {
    try {
      Map<String, Double> scores = c.getScores() == null ? null : JSON.readValue(c.getScores(), new TypeReference<Map<String, Double>>() { });
      List<Reason> reasons = c.getReasons() == null ? List.of() : JSON.readValue(c.getReasons(), new TypeReference<List<Reason>>() { });
      return new CaseView(c.getId(), c.getPostUid(), c.getState(), c.getSource(), c.getPriority(), c.getClaimedBy(), c.getClaimExpiresAt(),
          c.getDecisionDueAt(), c.getNoticeCount(), c.isTrustedFlagger(), c.getDsaCategory(), c.isSevere(), c.getSuggestedDecision(),
          c.getLanguage(), c.getTopCategory(), c.getTopScore(), scores, reasons, c.getPostVersion(), c.getModelVersion(), c.getRulesVersion(),
          c.getPolicyVersion(), c.getOpenedAt(), c.getUpdatedAt(), c.getDecidedAt(), c.getEquivalentTo());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("case " + c.getId() + " holds unreadable analysis JSON", e);
    }
  }
}
