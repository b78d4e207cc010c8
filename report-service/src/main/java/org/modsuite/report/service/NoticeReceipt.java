package org.modsuite.report.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the notifier gets at once: the notice id, the secret status link, and where each item went. */
public record NoticeReceipt(UUID noticeId, Instant receivedAt, String sourceType, String statusUrl, String statusToken, Instant decisionDueAt,
    List<Item> items) {

  public record Item(String postUid, UUID caseId, boolean duplicate) {
  }
}
