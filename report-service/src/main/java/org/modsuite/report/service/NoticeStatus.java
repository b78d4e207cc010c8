package org.modsuite.report.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modsuite.report.Notice;
import org.modsuite.report.NoticeItem;

/** A notice as its notifier sees it (Art. 16(5)): state, decision, whether automated means were used, and the redress routes. */
public record NoticeStatus(UUID noticeId, String state, Instant receivedAt, String category, String sourceType, List<String> items,
    Instant decidedAt, String outcome, Boolean automatedProcessing, Redress redress) {

  /** Where to complain (and until when), and the other routes. */
  public record Redress(String complaintUrl, Instant complaintPossibleUntil, String outOfCourt, String courts) {
  }

  static NoticeStatus of(Notice n, List<NoticeItem> items, String publicUrl, Duration complaintWindow) {
    Redress redress = n.decidedAt == null ? null : new Redress(publicUrl + "/api/v1/complaints", n.decidedAt.plus(complaintWindow),
        "a dispute settlement body certified under DSA Art. 21", "the competent court under national law");
    return new NoticeStatus(n.id, n.state, n.receivedAt, n.category, n.sourceType, items.stream().map(i -> i.postUid).toList(), n.decidedAt,
        n.outcome, n.decidedAt == null ? null : n.automatedProcessing, redress);
  }
}
