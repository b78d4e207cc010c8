package org.modsuite.report.service;

import org.modsuite.report.Complaint;
import org.modsuite.report.Notice;

/** The texts of the mail to notifiers and complainants. Plain text; no content of the reported post is quoted. */
final class NoticeLetters {

  /** Redress routes (Art. 16(5), 17(3)(f), 20, 21): internal complaint, certified out-of-court bodies, courts. */
  static final String REDRESS = """
      How to challenge this decision:
      - Internal complaint (DSA Art. 20): free of charge, within six months of this message, at %s
      - Out-of-court dispute settlement (DSA Art. 21): a body certified by a Digital Services Coordinator; the list is published by the
        European Commission at https://digital-strategy.ec.europa.eu/en/policies/dsa-out-of-court-dispute-settlement
      - Courts: you may always go to the competent court under national law.""";

  private NoticeLetters() {
  }

  static String receipt(Notice n, String statusUrl) {
    return """
        We received your notice %s on %s (DSA Art. 16(4)).
        Category: %s
        Follow its status at %s
        We will tell you our decision and how to challenge it.
        """.formatted(n.id, n.receivedAt, n.category, statusUrl);
  }

  static String decision(Notice n, String outcome, boolean automated, String complaintUrl) {
    return """
        We decided on your notice %s (DSA Art. 16(5)).
        Outcome: %s
        Automated means were %s used in processing or deciding it.

        %s
        """.formatted(n.id, "restricted".equals(outcome) ? "the content was restricted" : "no action was taken against the content",
        automated ? "" : "not", REDRESS.formatted(complaintUrl));
  }

  static String complaintOutcome(Complaint c, String outcome, String reason) {
    return """
        We decided on your complaint %s (DSA Art. 20(5)).
        Outcome: %s
        Reasons: %s

        If you disagree you may turn to a certified out-of-court dispute settlement body (DSA Art. 21), listed by the European
        Commission at https://digital-strategy.ec.europa.eu/en/policies/dsa-out-of-court-dispute-settlement, or to the courts.
        """.formatted(c.id, outcome.replace('_', ' '), reason);
  }
}
