package org.modsuite.report.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The ids of events a consumer has applied; call inside the transaction of the event's effect. */
@ApplicationScoped
public class ProcessedEventRepository {

  /** True when the event is new (and is now recorded), false when it was processed before. */
  public Uni<Boolean> markProcessed(UUID eventId, String consumer) {
    return Panache.getSession().chain(session -> session
        .createNativeQuery("INSERT INTO processed_event (event_id, consumer) VALUES (:id, :consumer) ON CONFLICT DO NOTHING")
        .setParameter("id", eventId)
        .setParameter("consumer", consumer)
        .executeUpdate())
        .map(inserted -> inserted == 1);
  }
}
