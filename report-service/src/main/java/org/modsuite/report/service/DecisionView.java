package org.modsuite.report.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.modsuite.report.Decision;

/**
 * A decision as the API shows it. {@code recipientComplaintToken} is returned once, to the decider's client, so that the
 * platform can hand it to the affected recipient with the statement of reasons (it lets them complain, Art. 20).
 */
public record DecisionView(UUID id, UUID caseId, String postUid, String action, String decidedBy, Instant decidedAt, String automatedDecision,
    boolean automatedDetection, String ground, String legalGround, String contractualGround, String explanation, String category,
    List<String> keywords, List<String> visibility, String monetary, String provision, String account, List<String> territorialScope,
    LocalDate endDate, String sourceType, UUID supersedes, UUID humanReviewOf, UUID complaintId, String statementPuid,
    String recipientComplaintToken) {

  public static DecisionView of(Decision d, String statementPuid, String recipientToken) {
    return new DecisionView(d.id, d.caseId, d.postUid, d.action, d.decidedBy, d.decidedAt, d.automatedDecision, d.automatedDetection,
        d.decisionGround, d.legalGround, d.contractualGround, d.explanation, d.category, StatementFactory.list(d.keywords),
        StatementFactory.list(d.visibility), d.monetary, d.provision, d.account, StatementFactory.list(d.territorialScope), d.endDate, d.sourceType,
        d.supersedes, d.humanReviewOf, d.complaintId, statementPuid, recipientToken);
  }
}
