package org.modsuite.report.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import org.modsuite.report.config.DsaConfig;

/**
 * Data protection by retention: notifiers' and complainants' names and e-mail addresses are pseudonymised after the
 * contact retention (the e-mail address becomes its SHA-256, so that Art. 23 counts still work); the text of posts that
 * were never restricted is erased after the post retention, and evidence of restricted ones after the evidence retention.
 */
@ApplicationScoped
public class RetentionJob {

  private final DsaConfig config;

  public RetentionJob(DsaConfig config) {
    this.config = config;
  }

  @Scheduled(cron = "${modsuite.retention.cron:0 30 3 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> nightly() {
    return apply(Instant.now()).invoke(n -> Log.infof("retention: %d contact records pseudonymised, %d post texts erased", n[0], n[1]))
        .replaceWithVoid().onFailure().recoverWithItem(e -> {
          Log.warnf("retention run failed, next run retries: %s", e.getMessage());
          return null;
        });
  }

  /** Applies the retention periods as of {@code now}; returns {contacts pseudonymised, post texts erased}. */
  public Uni<int[]> apply(Instant now) {
    Instant contactsBefore = now.minus(config.retention().contacts());
    Instant postsBefore = now.minus(config.retention().posts());
    return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
        UPDATE notice_contact c SET name = NULL, email = encode(sha256(convert_to(lower(trim(c.email)), 'UTF8')), 'hex'), pseudonymised_at = :now
        FROM notice n WHERE n.id = c.notice_id AND c.pseudonymised_at IS NULL AND n.received_at < :before""")
        .setParameter("now", now).setParameter("before", contactsBefore).executeUpdate()
        .chain(notices -> s.createNativeQuery("""
            UPDATE complaint_contact c SET name = NULL, email = encode(sha256(convert_to(lower(trim(c.email)), 'UTF8')), 'hex'), pseudonymised_at = :now
            FROM complaint k WHERE k.id = c.complaint_id AND c.pseudonymised_at IS NULL AND k.received_at < :before""")
            .setParameter("now", now).setParameter("before", contactsBefore).executeUpdate().map(complaints -> notices + complaints))
        .chain(contacts -> s.createNativeQuery("""
            UPDATE post SET text = '' WHERE text <> '' AND ((evidence_until IS NULL AND received_at < :postsBefore) OR evidence_until < :now)""")
            .setParameter("postsBefore", postsBefore).setParameter("now", now).executeUpdate().map(posts -> new int[] {contacts, posts}))));
  }
}
