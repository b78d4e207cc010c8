package org.modsuite.report.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.modsuite.events.AnalysisEvent;
import org.modsuite.events.EventJson;

/** Stores analyses as received, once per post version and analyser versions. */
@ApplicationScoped
public class AnalysisRepository {

  /** True when this analysis was new. */
  public Uni<Boolean> insert(AnalysisEvent a) {
    return Panache.getSession().chain(session -> session.createNativeQuery("""
        INSERT INTO post_analysis (post_uid, post_version, model_version, rules_version, policy_version, event_id, language, decision,
                                   scores, reasons, analysed_at)
        VALUES (:postUid, :postVersion, :modelVersion, :rulesVersion, :policyVersion, :eventId, :language, :decision,
                CAST(:scores AS jsonb), CAST(:reasons AS jsonb), :analysedAt)
        ON CONFLICT DO NOTHING""")
        .setParameter("postUid", a.postUid())
        .setParameter("postVersion", a.postVersion())
        .setParameter("modelVersion", a.modelVersion())
        .setParameter("rulesVersion", a.rulesVersion())
        .setParameter("policyVersion", a.policyVersion())
        .setParameter("eventId", a.eventId())
        .setParameter("language", a.language())
        .setParameter("decision", a.decision().wireName())
        .setParameter("scores", EventJson.write(a.scores()))
        .setParameter("reasons", EventJson.write(a.reasons()))
        .setParameter("analysedAt", a.analysedAt())
        .executeUpdate())
        .map(inserted -> inserted == 1);
  }
}
