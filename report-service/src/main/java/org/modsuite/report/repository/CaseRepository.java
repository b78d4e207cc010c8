package org.modsuite.report.repository;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import org.modsuite.events.AnalysisEvent;
import org.modsuite.events.Decision;
import org.modsuite.events.EventJson;
import org.modsuite.report.ModerationCase;
import org.modsuite.report.service.CasePriority;

/** Cases, one per postUid. */
@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<ModerationCase, UUID> {

  /**
   * Opens the case of the analysed post, or updates it with a newer version's analysis; an older version arriving late
   * changes nothing. One statement, so that two consumers racing on the same post cannot open two cases.
   */
  public Uni<Integer> upsertFromAnalysis(AnalysisEvent a, Instant now) {
    return execute("""
        INSERT INTO moderation_case (id, post_uid, state, source, suggested_decision, language, top_category, top_score, scores, reasons,
                                     post_version, model_version, rules_version, policy_version, opened_at, updated_at, priority, severe, equivalent_to)
        VALUES (:id, :postUid, 'open', 'analysis', :decision, :language, :topCategory, :topScore, :scores, :reasons,
                :postVersion, :modelVersion, :rulesVersion, :policyVersion, :now, :now, :priority, :severe, :equivalentTo)
        ON CONFLICT (post_uid) DO UPDATE SET
            suggested_decision = EXCLUDED.suggested_decision, language = EXCLUDED.language, top_category = EXCLUDED.top_category,
            top_score = EXCLUDED.top_score, scores = EXCLUDED.scores, reasons = EXCLUDED.reasons, post_version = EXCLUDED.post_version,
            model_version = EXCLUDED.model_version, rules_version = EXCLUDED.rules_version, policy_version = EXCLUDED.policy_version,
            updated_at = EXCLUDED.updated_at, priority = greatest(moderation_case.priority, EXCLUDED.priority), severe = EXCLUDED.severe,
            equivalent_to = EXCLUDED.equivalent_to
        WHERE moderation_case.post_version IS NULL OR moderation_case.post_version <= EXCLUDED.post_version""", a, now);
  }

  /** Shows a newer version's analysis on an existing case (none is opened). */
  public Uni<Integer> updateFromAnalysis(AnalysisEvent a, Instant now) {
    return execute("""
        UPDATE moderation_case SET
            suggested_decision = :decision, language = :language, top_category = :topCategory, top_score = :topScore, scores = :scores,
            reasons = :reasons, post_version = :postVersion, model_version = :modelVersion, rules_version = :rulesVersion,
            policy_version = :policyVersion, updated_at = :now, priority = greatest(priority, :priority), severe = :severe, equivalent_to = :equivalentTo
        WHERE post_uid = :postUid AND (post_version IS NULL OR post_version <= :postVersion)""", a, now);
  }

  /** The case a notice item went to, and whether an earlier notice on the item was still undecided. */
  public record NoticeCase(UUID caseId, boolean duplicate) {
  }

  /**
   * Opens the item's case for a notice, or merges the notice into it, in one statement: the count, the trusted-flagger
   * mark, the higher priority and the earlier deadline win (the manifest-case deadline where the analysis found the item
   * manifestly illegal); a decided case is reopened for the new notice.
   */
  public Uni<NoticeCase> openFromNotice(String postUid, String category, boolean trustedFlagger, int priority, Instant dueAt, Instant manifestDueAt,
      Instant now) {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        WITH prior AS (
            SELECT EXISTS (SELECT 1 FROM notice_item i JOIN notice n ON n.id = i.notice_id WHERE i.post_uid = :postUid AND n.state = 'received') AS duplicate),
        merged AS (
            INSERT INTO moderation_case (id, post_uid, state, source, opened_at, updated_at, priority, decision_due_at, notice_count, trusted_flagger,
                                         dsa_category)
            VALUES (:id, :postUid, 'open', :source, :now, :now, :priority, :due, 1, :tf, :category)
            ON CONFLICT (post_uid) DO UPDATE SET
                notice_count = moderation_case.notice_count + 1, trusted_flagger = moderation_case.trusted_flagger OR EXCLUDED.trusted_flagger,
                priority = greatest(moderation_case.priority, EXCLUDED.priority),
                decision_due_at = least(moderation_case.decision_due_at, CASE WHEN moderation_case.severe THEN :manifestDue ELSE EXCLUDED.decision_due_at END),
                dsa_category = coalesce(moderation_case.dsa_category, EXCLUDED.dsa_category),
                state = CASE WHEN moderation_case.state = 'decided' THEN 'open' ELSE moderation_case.state END,
                updated_at = EXCLUDED.updated_at
            RETURNING id)
        SELECT merged.id, prior.duplicate FROM merged, prior""", Object[].class)
        .setParameter("id", UUID.randomUUID()).setParameter("postUid", postUid).setParameter("source", trustedFlagger ? "trusted_flagger" : "notice")
        .setParameter("now", now).setParameter("priority", priority).setParameter("due", dueAt).setParameter("manifestDue", manifestDueAt)
        .setParameter("tf", trustedFlagger).setParameter("category", category)
        .getSingleResult())
        .map(r -> new NoticeCase((UUID) r[0], (Boolean) r[1]));
  }

  public Uni<ModerationCase> findByPostUid(String postUid) {
    return find("postUid", postUid).firstResult();
  }

  /** Claims the case for the user unless someone else holds an unexpired claim; true when the user holds it now. */
  public Uni<Boolean> claim(UUID id, String user, Instant now, Instant until) {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        UPDATE moderation_case SET claimed_by = :user, claim_expires_at = :until
        WHERE id = :id AND state <> 'decided' AND (claimed_by IS NULL OR claimed_by = :user OR claim_expires_at <= :now)""")
        .setParameter("id", id).setParameter("user", user).setParameter("now", now).setParameter("until", until)
        .executeUpdate()).map(rows -> rows == 1);
  }

  public Uni<Boolean> release(UUID id, String user) {
    return Panache.getSession().chain(s -> s.createNativeQuery(
        "UPDATE moderation_case SET claimed_by = NULL, claim_expires_at = NULL WHERE id = :id AND claimed_by = :user")
        .setParameter("id", id).setParameter("user", user).executeUpdate()).map(rows -> rows == 1);
  }

  /** Moves the case to a new state (decided, auto_actioned, open), clearing the claim. */
  public Uni<Integer> setState(UUID id, String state, Instant decidedAt, Instant now) {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        UPDATE moderation_case SET state = :state, decided_at = :decidedAt, claimed_by = NULL, claim_expires_at = NULL, updated_at = :now
        WHERE id = :id""")
        .setParameter("id", id).setParameter("state", state).setParameter("decidedAt", decidedAt).setParameter("now", now)
        .executeUpdate());
  }

  private Uni<Integer> execute(String sql, AnalysisEvent a, Instant now) {
    Map.Entry<String, Double> top = a.scores().entrySet().stream().filter(e -> !e.getKey().equals("hate"))
        .max(Comparator.comparingDouble(Map.Entry::getValue)).orElse(Map.entry("hate", a.scores().get("hate")));
    return Panache.getSession().chain(session -> {
      var query = session.createNativeQuery(sql);
      if (sql.contains(":id")) {
        query.setParameter("id", UUID.randomUUID());
      }
      return query
          .setParameter("postUid", a.postUid())
          .setParameter("decision", a.decision().wireName())
          .setParameter("language", a.language())
          .setParameter("topCategory", top.getKey())
          .setParameter("topScore", top.getValue())
          .setParameter("scores", EventJson.write(a.scores()))
          .setParameter("reasons", EventJson.write(a.reasons()))
          .setParameter("postVersion", a.postVersion())
          .setParameter("modelVersion", a.modelVersion())
          .setParameter("rulesVersion", a.rulesVersion())
          .setParameter("policyVersion", a.policyVersion())
          .setParameter("now", now)
          .setParameter("priority", CasePriority.ofAnalysis(top.getValue(), a.decision() == Decision.REMOVE))
          .setParameter("severe", a.decision() == Decision.REMOVE)
          .setParameter("equivalentTo", a.equivalentTo())
          .executeUpdate();
    });
  }
}
