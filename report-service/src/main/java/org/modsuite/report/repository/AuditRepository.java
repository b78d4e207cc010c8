package org.modsuite.report.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The append-only audit log. */
@ApplicationScoped
public class AuditRepository {

  public Uni<Integer> append(String actor, String action, String target, String outcome, String client) {
    return Panache.getSession().chain(s -> s.createNativeQuery(
        "INSERT INTO audit_event (actor, action, target, outcome, client) VALUES (:actor, :action, :target, :outcome, :client)")
        .setParameter("actor", actor).setParameter("action", action).setParameter("target", target).setParameter("outcome", outcome)
        .setParameter("client", client)
        .executeUpdate());
  }

  /** Newest first: rows of (id, at, actor, action, target, outcome, client). */
  public Uni<List<Object[]>> page(int page, int size) {
    return Panache.getSession().chain(s -> s.createNativeQuery(
        "SELECT id, at, actor, action, target, outcome, client FROM audit_event ORDER BY id DESC OFFSET :offset LIMIT :size", Object[].class)
        .setParameter("offset", page * size).setParameter("size", size)
        .getResultList());
  }
}
