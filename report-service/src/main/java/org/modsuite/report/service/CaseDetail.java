package org.modsuite.report.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.modsuite.report.Notice;
import org.modsuite.report.Post;

/**
 * Everything a moderator needs on one case: the post, the analysis, the notices (without contact data), decisions,
 * complaints, the author's earlier decisions on other posts (by the pseudonymous author id), the case of the removal
 * this item was found equivalent to, clocks and history.
 */
public record CaseDetail(CaseView summary, PostView post, List<NoticeSummary> notices, List<DecisionView> decisions,
    List<ComplaintView> complaints, List<DecisionView> authorDecisions, UUID equivalentCaseId, List<Clock> deadlines,
    List<Map<String, Object>> history) {

  /** The post as last ingested; text is empty once erased by retention or deletion. */
  public record PostView(String postUid, String platform, String url, String authorId, String text, String language, Instant createdAt,
      Instant editedAt, boolean deleted) {

    static PostView of(Post p) {
      return p == null ? null : new PostView(p.postUid, p.platform, p.url, p.authorId, p.text, p.language, p.createdAt, p.editedAt, p.deleted);
    }
  }

  public record NoticeSummary(UUID id, Instant receivedAt, String state, String sourceType, String category, String explanation,
      Instant decidedAt, String outcome) {

    static NoticeSummary of(Notice n) {
      return new NoticeSummary(n.id, n.receivedAt, n.state, n.sourceType, n.category, n.explanation, n.decidedAt, n.outcome);
    }
  }

  public record Clock(String subject, UUID subjectId, String kind, Instant dueAt, Instant metAt) {
  }
}
