package org.modsuite.report.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import org.modsuite.report.Notice;
import org.modsuite.report.NoticeItem;

/** Notices and their items. */
@ApplicationScoped
public class NoticeRepository implements PanacheRepositoryBase<Notice, UUID> {

  public Uni<List<NoticeItem>> items(UUID noticeId) {
    return Panache.getSession().chain(s -> s.createQuery("from NoticeItem where noticeId = :id order by position", NoticeItem.class)
        .setParameter("id", noticeId).getResultList());
  }

  /** The notices naming items of a case, oldest first. */
  public Uni<List<Notice>> onCase(UUID caseId) {
    return Panache.getSession().chain(s -> s.createQuery(
        "from Notice n where n.id in (select i.noticeId from NoticeItem i where i.caseId = :case) order by n.receivedAt", Notice.class)
        .setParameter("case", caseId).getResultList());
  }

  /** Whether every item of the notice is on a decided case. */
  public Uni<Boolean> allItemsDecided(UUID noticeId) {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        SELECT count(*) FROM notice_item i JOIN moderation_case c ON c.id = i.case_id WHERE i.notice_id = :id AND c.state <> 'decided'""", Long.class)
        .setParameter("id", noticeId).getSingleResult()).map(n -> n == 0);
  }

  public Uni<List<Notice>> page(String organisation, int page, int size) {
    String where = organisation == null ? "" : "where trustedFlaggerId in (select id from TrustedFlagger where organisation = :org) ";
    return Panache.getSession().chain(s -> {
      var q = s.createQuery("from Notice " + where + "order by receivedAt desc, id desc", Notice.class)
          .setFirstResult(page * size).setMaxResults(size);
      if (organisation != null) {
        q.setParameter("org", organisation);
      }
      return q.getResultList();
    });
  }

  public Uni<Integer> markDecided(UUID noticeId, String outcome, boolean automated, boolean unfounded, Instant at) {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        UPDATE notice SET state = 'decided', outcome = :outcome, automated_processing = :automated, decided_at = :at, notifier_informed_at = :at,
                          unfounded = :unfounded
        WHERE id = :id AND state = 'received'""")
        .setParameter("id", noticeId).setParameter("outcome", outcome).setParameter("automated", automated).setParameter("at", at)
        .setParameter("unfounded", unfounded)
        .executeUpdate());
  }
}
