package org.modsuite.report.service;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import org.modsuite.report.repository.AuditRepository;

/** Records who did what, in which role, with the state before and after and the reason; never a password, token or post text. */
@ApplicationScoped
public class AuditService {

  private static final String[] COLUMNS = {"id", "at", "actor", "role", "action", "target", "outcome", "client", "reason", "before", "after", "hash"};

  private final AuditRepository repository;

  public AuditService(AuditRepository repository) {
    this.repository = repository;
  }

  /** Appends within the caller's transaction (so a rolled-back action leaves no entry claiming it happened). */
  public Uni<Void> record(String actor, String action, String target, String outcome, String client) {
    return repository.append(actor, null, action, target, outcome, client, null, null, null).replaceWithVoid();
  }

  /** A state change: who in which role, what on which target, the reason, and the state before and after (JSON or null). */
  public Uni<Void> change(Actor actor, String action, String target, String reason, String before, String after) {
    return repository.append(actor.name(), actor.role(), action, target, "done", actor.client(), reason, before, after).replaceWithVoid();
  }

  /** Appends in a transaction of its own, for callers outside one (sign-out). */
  @WithTransaction
  public Uni<Void> recordNow(String actor, String action, String target, String outcome, String client) {
    return record(actor, action, target, outcome, client);
  }

  @WithSession
  public Uni<List<Map<String, Object>>> page(int page, int size, String target) {
    return repository.page(page, size, target).map(rows -> rows.stream().map(r -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      for (int i = 0; i < COLUMNS.length; i++) {
        if (r[i] != null) {
          entry.put(COLUMNS[i], r[i] instanceof OffsetDateTime t ? t.toInstant().toString() : r[i]);
        }
      }
      return entry;
    }).toList());
  }

  /** Links the rows written since the last run into the chain (every second, and before a check). */
  @Scheduled(every = "${modsuite.audit.chain-interval:1s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> chainPending() {
    return Panache.withTransaction(repository::chainPending).replaceWithVoid()
        .onFailure().recoverWithItem(e -> {
          Log.warnf("linking audit rows into the chain failed, next run retries: %s", e.getMessage());
          return null;
        });
  }

  /** Links what is pending, then checks the whole hash chain. */
  public Uni<AuditVerification> verify() {
    return Panache.withTransaction(repository::chainPending).chain(() -> Panache.withSession(repository::firstBrokenRow))
        .map(r -> new AuditVerification(r[0] == null, ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
            r[0] == null ? null : ((Number) r[0]).longValue()));
  }

  /** The result of a chain check: intact, rows checked, rows not yet linked (written during the check), the first broken row. */
  public record AuditVerification(boolean intact, long rows, long pending, Long firstBrokenId) {
  }
}
