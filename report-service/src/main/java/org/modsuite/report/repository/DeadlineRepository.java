package org.modsuite.report.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The legal clocks: one row per duty of a notice, complaint, decision or statement. */
@ApplicationScoped
public class DeadlineRepository {

  /** Starts a clock; starting it again changes nothing. */
  public Uni<Integer> start(String subjectType, UUID subjectId, String kind, Instant dueAt) {
    return start(subjectType, subjectId, kind, dueAt, null);
  }

  /** Starts a clock that is already met at {@code metAt} (a duty done in the same step that starts it), or open if null. */
  public Uni<Integer> start(String subjectType, UUID subjectId, String kind, Instant dueAt, Instant metAt) {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        INSERT INTO deadline (subject_type, subject_id, kind, due_at, met_at) VALUES (:type, :id, :kind, :due, :met)
        ON CONFLICT (subject_type, subject_id, kind) DO NOTHING""")
        .setParameter("type", subjectType).setParameter("id", subjectId).setParameter("kind", kind).setParameter("due", dueAt)
        .setParameter("met", metAt)
        .executeUpdate());
  }

  /** Marks a duty done (the first time only). */
  public Uni<Integer> meet(String subjectType, UUID subjectId, String kind, Instant at) {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        UPDATE deadline SET met_at = :at WHERE subject_type = :type AND subject_id = :id AND kind = :kind AND met_at IS NULL""")
        .setParameter("type", subjectType).setParameter("id", subjectId).setParameter("kind", kind).setParameter("at", at)
        .executeUpdate());
  }


  /**
   * Clocks that are breached (met late, or overdue) or near a breach (open and due within {@code nearBy}), most urgent
   * first: rows of (id, subject_type, subject_id, kind, due_at, met_at, case_id: the case the subject belongs to).
   */
  public Uni<List<Object[]>> attention(Instant now, Instant nearBy, int limit) {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        SELECT d.id, d.subject_type, d.subject_id, d.kind, d.due_at, d.met_at,
               CASE d.subject_type
                 WHEN 'notice' THEN (SELECT i.case_id FROM notice_item i WHERE i.notice_id = d.subject_id ORDER BY i.case_id LIMIT 1)
                 WHEN 'complaint' THEN (SELECT k.case_id FROM complaint k WHERE k.id = d.subject_id)
                 WHEN 'decision' THEN (SELECT x.case_id FROM decision x WHERE x.id = d.subject_id)
                 WHEN 'statement' THEN (SELECT x.case_id FROM statement_of_reasons s JOIN decision x ON x.id = s.decision_id WHERE s.id = d.subject_id)
               END AS case_id
        FROM deadline d
        WHERE (d.met_at IS NULL AND d.due_at <= :nearBy) OR d.met_at > d.due_at
        ORDER BY d.due_at LIMIT :limit""", Object[].class)
        .setParameter("nearBy", nearBy).setParameter("limit", limit)
        .getResultList());
  }

  /** Rows of (subject_type, subject_id, kind, due_at, met_at) of one subject. */
  public Uni<List<Object[]>> of(String subjectType, UUID subjectId) {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        SELECT kind, due_at, met_at FROM deadline WHERE subject_type = :type AND subject_id = :id ORDER BY due_at""", Object[].class)
        .setParameter("type", subjectType).setParameter("id", subjectId)
        .getResultList());
  }
}
