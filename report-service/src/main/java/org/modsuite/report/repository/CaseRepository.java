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
import org.modsuite.events.EventJson;
import org.modsuite.report.ModerationCase;

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
                                     post_version, model_version, rules_version, policy_version, opened_at, updated_at)
        VALUES (:id, :postUid, 'open', 'analysis', :decision, :language, :topCategory, :topScore, :scores, :reasons,
                :postVersion, :modelVersion, :rulesVersion, :policyVersion, :now, :now)
        ON CONFLICT (post_uid) DO UPDATE SET
            suggested_decision = EXCLUDED.suggested_decision, language = EXCLUDED.language, top_category = EXCLUDED.top_category,
            top_score = EXCLUDED.top_score, scores = EXCLUDED.scores, reasons = EXCLUDED.reasons, post_version = EXCLUDED.post_version,
            model_version = EXCLUDED.model_version, rules_version = EXCLUDED.rules_version, policy_version = EXCLUDED.policy_version,
            updated_at = EXCLUDED.updated_at
        WHERE moderation_case.post_version <= EXCLUDED.post_version""", a, now);
  }

  /** Shows a newer version's analysis on an existing case (none is opened). */
  public Uni<Integer> updateFromAnalysis(AnalysisEvent a, Instant now) {
    return execute("""
        UPDATE moderation_case SET
            suggested_decision = :decision, language = :language, top_category = :topCategory, top_score = :topScore, scores = :scores,
            reasons = :reasons, post_version = :postVersion, model_version = :modelVersion, rules_version = :rulesVersion,
            policy_version = :policyVersion, updated_at = :now
        WHERE post_uid = :postUid AND post_version <= :postVersion""", a, now);
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
          .executeUpdate();
    });
  }
}
