package org.modsuite.report.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.modsuite.report.repository.AuditRepository;

/** Records who did what, with the outcome; never a password, token or post text. */
@ApplicationScoped
public class AuditService {

  private final AuditRepository repository;

  public AuditService(AuditRepository repository) {
    this.repository = repository;
  }

  /** Appends within the caller's transaction (so a rolled-back action leaves no entry claiming it happened). */
  public Uni<Void> record(String actor, String action, String target, String outcome, String client) {
    return repository.append(actor, action, target, outcome, client).replaceWithVoid();
  }

  /** Appends in a transaction of its own, for callers outside one (sign-out). */
  @io.quarkus.hibernate.reactive.panache.common.WithTransaction
  public Uni<Void> recordNow(String actor, String action, String target, String outcome, String client) {
    return record(actor, action, target, outcome, client);
  }

  @WithSession
  public Uni<List<Map<String, Object>>> page(int page, int size) {
    return repository.page(page, size).map(rows -> rows.stream().map(r -> {
      Map<String, Object> entry = new java.util.LinkedHashMap<>();
      String[] names = {"id", "at", "actor", "action", "target", "outcome", "client"};
      for (int i = 0; i < names.length; i++) {
        if (r[i] != null) {
          entry.put(names[i], r[i] instanceof java.time.OffsetDateTime t ? t.toInstant().toString() : r[i]);
        }
      }
      return entry;
    }).toList());
  }
}
