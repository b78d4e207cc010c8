package org.modsuite.report.service;

import java.time.Instant;
import java.util.UUID;

import org.modsuite.report.Complaint;

/** A complaint without the complainant's contact data. {@code statusToken} only in the answer to its submission. */
public record ComplaintView(UUID id, UUID decisionId, UUID caseId, String complainantType, String text, Instant receivedAt, String state,
    String assignedTo, String outcome, String outcomeReason, String decidedBy, Instant decidedAt, String statusToken) {

  static ComplaintView of(Complaint c, String statusToken) {
    return new ComplaintView(c.id, c.decisionId, c.caseId, c.complainantType, c.text, c.receivedAt, c.state, c.assignedTo, c.outcome,
        c.outcomeReason, c.decidedBy, c.decidedAt, statusToken);
  }
}
