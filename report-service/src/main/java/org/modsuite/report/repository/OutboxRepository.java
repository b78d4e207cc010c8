package org.modsuite.report.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The transactional outbox of events (moderation.actions) and of mail to notifiers and complainants. */
@ApplicationScoped
public class OutboxRepository {

  /** Adds an event in the caller's transaction; the relay publishes it after the commit. */
  public Uni<Integer> addEvent(UUID eventId, String topic, String key, String payload, Instant now) {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        INSERT INTO outbox_event (event_id, topic, event_key, payload, created_at) VALUES (:id, :topic, :key, :payload, :now)""")
        .setParameter("id", eventId).setParameter("topic", topic).setParameter("key", key).setParameter("payload", payload)
        .setParameter("now", now).executeUpdate());
  }

  /** Oldest unpublished events first: rows of (id, topic, event_key, payload). */
  public Uni<List<Object[]>> unpublishedEvents(int limit) {
    return Panache.getSession().chain(s -> s.createNativeQuery(
        "SELECT id, topic, event_key, payload FROM outbox_event WHERE published_at IS NULL ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED", Object[].class)
        .setParameter("limit", limit).getResultList());
  }

  public Uni<Integer> markPublished(List<Long> ids, Instant at) {
    return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE outbox_event SET published_at = :at WHERE id IN (:ids)")
        .setParameter("at", at).setParameter("ids", ids).executeUpdate());
  }

  public Uni<Integer> addMail(String recipient, String subject, String body, Instant now) {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        INSERT INTO mail_outbox (recipient, subject, body, created_at) VALUES (:to, :subject, :body, :now)""")
        .setParameter("to", recipient).setParameter("subject", subject).setParameter("body", body).setParameter("now", now)
        .executeUpdate());
  }

  /** Rows of (id, recipient, subject, body). */
  public Uni<List<Object[]>> unsentMail(int limit) {
    return Panache.getSession().chain(s -> s.createNativeQuery(
        "SELECT id, recipient, subject, body FROM mail_outbox WHERE sent_at IS NULL ORDER BY id LIMIT :limit", Object[].class)
        .setParameter("limit", limit).getResultList());
  }

  public Uni<Integer> markSent(long id, Instant at) {
    return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE mail_outbox SET sent_at = :at, body = '' , recipient = '' WHERE id = :id")
        .setParameter("at", at).setParameter("id", id).executeUpdate());
  }
}
