package org.modsuite.report.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The dashboard's own read-only figures: queue facets, the reviewer's day, statement submissions, analyser versions. */
@ApplicationScoped
public class DashboardRepository {

  private static final String QUEUE = "state IN ('open', 'auto_actioned')";

  /**
   * Counts of the queue by facet: rows of (facet, value, count) for category, language, source, trustedFlagger and
   * deadline (breached, due_soon).
   */
  @WithSession
  public Uni<List<Object[]>> queueFacets(Instant now, Instant soon) {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        SELECT 'category', coalesce(top_category, dsa_category), count(*) FROM moderation_case WHERE %1$s GROUP BY 2
        UNION ALL SELECT 'language', language, count(*) FROM moderation_case WHERE %1$s GROUP BY 2
        UNION ALL SELECT 'source', source, count(*) FROM moderation_case WHERE %1$s GROUP BY 2
        UNION ALL SELECT 'trustedFlagger', CASE WHEN trusted_flagger THEN 'true' ELSE 'false' END, count(*) FROM moderation_case WHERE %1$s GROUP BY 2
        UNION ALL SELECT 'deadline', 'breached', count(*) FROM moderation_case WHERE %1$s AND decision_due_at < :now
        UNION ALL SELECT 'deadline', 'due_soon', count(*) FROM moderation_case WHERE %1$s AND decision_due_at >= :now AND decision_due_at < :soon
        """.formatted(QUEUE), Object[].class).setParameter("now", now).setParameter("soon", soon).getResultList());
  }

  /** How many severe cases this moderator decided since the start of the day. */
  @WithSession
  public Uni<Long> severeDecidedSince(String moderator, Instant since) {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        SELECT count(DISTINCT d.case_id) FROM decision d JOIN moderation_case c ON c.id = d.case_id
        WHERE d.decided_by = :who AND c.severe AND d.decided_at >= :since""", Long.class)
        .setParameter("who", moderator).setParameter("since", since).getSingleResult()).map(n -> n == null ? 0L : n);
  }

  /** Statements of reasons by submission state: rows of (state, count, attempts, oldest created_at). */
  @WithSession
  public Uni<List<Object[]>> statementStates() {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        SELECT state, count(*), coalesce(sum(attempts), 0), min(created_at) FROM statement_of_reasons GROUP BY state ORDER BY state""",
        Object[].class).getResultList());
  }

  /** Statements not (yet) accepted, newest first: rows of (puid, state, attempts, last_error, created_at, next_attempt_at). */
  @WithSession
  public Uni<List<Object[]>> statementsNotSubmitted(int limit) {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        SELECT puid, state, attempts, last_error, created_at, next_attempt_at FROM statement_of_reasons WHERE state <> 'submitted'
        ORDER BY created_at DESC LIMIT :limit""", Object[].class).setParameter("limit", limit).getResultList());
  }

  /** Analyser versions seen: rows of (model, rules, policy, analyses, last analysed_at), the newest first. */
  @WithSession
  public Uni<List<Object[]>> analyserVersions() {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        SELECT model_version, rules_version, policy_version, count(*), max(analysed_at) FROM post_analysis
        GROUP BY 1, 2, 3 ORDER BY 5 DESC LIMIT 50""", Object[].class).getResultList());
  }
}
