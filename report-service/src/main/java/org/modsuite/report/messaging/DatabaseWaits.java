package org.modsuite.report.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which consumers of this replica are waiting for the database, since when. The readiness check reports it; it is
 * this replica's own state, so it lives in its memory.
 */
@ApplicationScoped
public class DatabaseWaits {

  /** A consumer's wait: since the first failure of the record it holds, attempts so far, the last failure's type. */
  public record Wait(Instant since, int attempts, String lastFailure) {
  }

  private final Map<String, Wait> waiting = new ConcurrentHashMap<>();

  void failed(String consumer, Throwable failure) {
    waiting.merge(consumer, new Wait(Instant.now(), 1, failure.getClass().getName()),
        (old, next) -> new Wait(old.since(), old.attempts() + 1, next.lastFailure()));
  }

  void recovered(String consumer) {
    waiting.remove(consumer);
  }

  public Map<String, Wait> waiting() {
    return Map.copyOf(waiting);
  }
}
