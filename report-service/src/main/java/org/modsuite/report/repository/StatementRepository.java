package org.modsuite.report.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import org.modsuite.report.StatementRecord;

/** Statements of reasons and their submission to the Transparency Database. */
@ApplicationScoped
public class StatementRepository implements PanacheRepositoryBase<StatementRecord, UUID> {

  public Uni<StatementRecord> ofDecision(UUID decisionId) {
    return find("decisionId", decisionId).firstResult();
  }

  public Uni<StatementRecord> byPuid(String puid) {
    return find("puid", puid).firstResult();
  }

  /**
   * Pending statements whose next attempt has come, longest waiting first, locked until the caller's transaction ends;
   * rows another transaction holds are skipped, so replicas take different ones. Rows of (id, puid, body, attempts).
   */
  public Uni<List<Object[]>> lockDue(Instant now, int limit) {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        SELECT id, puid, body, attempts FROM statement_of_reasons
        WHERE state = 'pending' AND next_attempt_at <= :now
        ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED""", Object[].class)
        .setParameter("now", now).setParameter("limit", limit).getResultList());
  }

  /** Stored in the database; {@code tdbUuid} null when only known to be there (an existing PUID), with a note why. */
  public Uni<Integer> markSubmitted(UUID id, String tdbUuid, Instant at, String note) {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        UPDATE statement_of_reasons SET state = 'submitted', tdb_uuid = CAST(:uuid AS text), submitted_at = :at,
          last_error = CAST(:note AS text) WHERE id = :id""")
        .setParameter("uuid", tdbUuid).setParameter("at", at).setParameter("note", note).setParameter("id", id).executeUpdate());
  }

  public Uni<Integer> markRejected(UUID id, int attempts, String error) {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        UPDATE statement_of_reasons SET state = 'rejected', attempts = :attempts, last_error = :error WHERE id = :id""")
        .setParameter("attempts", attempts).setParameter("error", error).setParameter("id", id).executeUpdate());
  }

  /** Tries again at {@code at}, counting a failed attempt. */
  public Uni<Integer> backOff(UUID id, int attempts, Instant at, String error) {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        UPDATE statement_of_reasons SET attempts = :attempts, next_attempt_at = :at, last_error = :error WHERE id = :id""")
        .setParameter("attempts", attempts).setParameter("at", at).setParameter("error", error).setParameter("id", id).executeUpdate());
  }

  /** Tries again at {@code at} without counting an attempt (rate limit, or a batch refused for another statement). */
  public Uni<Integer> reschedule(List<UUID> ids, Instant at) {
    return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE statement_of_reasons SET next_attempt_at = :at WHERE id IN (:ids)")
        .setParameter("at", at).setParameter("ids", ids).executeUpdate());
  }

  /** A rejected statement back to pending, due now; 0 when there is no rejected statement with that PUID. */
  public Uni<Integer> retry(String puid, Instant now) {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        UPDATE statement_of_reasons SET state = 'pending', attempts = 0, next_attempt_at = :now, last_error = NULL
        WHERE puid = :puid AND state = 'rejected'""")
        .setParameter("now", now).setParameter("puid", puid).executeUpdate());
  }

  public Uni<Long> countPending() {
    return count("state", "pending");
  }

  /** Newest first, optionally of one state. */
  public Uni<List<StatementRecord>> page(String state, int page, int size) {
    Sort sort = Sort.descending("createdAt", "id");
    return (state == null ? findAll(sort) : find("state", sort, state)).page(Page.of(page, size)).list();
  }

  public Uni<Long> count(String state) {
    return state == null ? count() : count("state", state);
  }

  /**
   * Keyset page of statements created in [{@code from}, {@code to}), ordered by (createdAt, id), after the cursor
   * ({@code afterCreatedAt}, {@code afterId}).
   */
  public Uni<List<StatementRecord>> createdBetween(Instant from, Instant to, Instant afterCreatedAt, UUID afterId, int limit) {
    return find("createdAt >= ?1 and createdAt < ?2 and (createdAt > ?3 or (createdAt = ?3 and id > ?4))",
        Sort.ascending("createdAt", "id"), from, to, afterCreatedAt, afterId).range(0, limit - 1).list();
  }
}
