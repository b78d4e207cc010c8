package org.modsuite.report.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The append-only, hash-chained audit log (rows are linked into the chain by {@link #chainPending()}, see V3). */
@ApplicationScoped
public class AuditRepository {

  public Uni<Integer> append(String actor, String role, String action, String target, String outcome, String client, String reason, String before,
      String after) {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        INSERT INTO audit_event (actor, role, action, target, outcome, client, reason, before, after)
        VALUES (:actor, :role, :action, :target, :outcome, :client, :reason, :before, :after)""")
        .setParameter("actor", actor).setParameter("role", role).setParameter("action", action).setParameter("target", target)
        .setParameter("outcome", outcome).setParameter("client", client).setParameter("reason", reason).setParameter("before", before)
        .setParameter("after", after)
        .executeUpdate());
  }

  /** Newest first: rows of (id, at, actor, role, action, target, outcome, client, reason, before, after, hash). */
  public Uni<List<Object[]>> page(int page, int size, String target) {
    String where = target == null ? "" : "WHERE target = :target ";
    return Panache.getSession().chain(s -> {
      var q = s.createNativeQuery("SELECT id, at, actor, role, action, target, outcome, client, reason, before, after, hash FROM audit_event "
          + where + "ORDER BY id DESC OFFSET :offset LIMIT :size", Object[].class)
          .setParameter("offset", page * size).setParameter("size", size);
      if (target != null) {
        q.setParameter("target", target);
      }
      return q.getResultList();
    });
  }

  /** Links the committed rows not yet in the chain; returns how many. */
  public Uni<Integer> chainPending() {
    return Panache.getSession().chain(s -> s.createNativeQuery("SELECT audit_event_chain_pending()", Integer.class).getSingleResult());
  }

  /**
   * Recomputes the chain in seq order: the first row whose hash does not match its content, whose previous hash is not
   * the previous row's hash, or whose seq leaves a gap, as (id, rows checked, rows not yet linked); id is null when intact.
   */
  public Uni<Object[]> firstBrokenRow() {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        WITH chain AS (
            SELECT id, seq, hash, prev_hash, lag(hash) OVER (ORDER BY seq) AS expected_prev, audit_event_digest(e, e.prev_hash) AS recomputed,
                   row_number() OVER (ORDER BY seq) AS n
            FROM audit_event e WHERE seq IS NOT NULL)
        SELECT (SELECT id FROM chain WHERE hash IS DISTINCT FROM recomputed OR seq <> n
                                         OR (n > 1 AND prev_hash IS DISTINCT FROM expected_prev) OR (n = 1 AND prev_hash IS NOT NULL)
                ORDER BY seq LIMIT 1),
               (SELECT count(*) FROM chain),
               (SELECT count(*) FROM audit_event WHERE seq IS NULL)""", Object[].class)
        .getSingleResult());
  }
}
