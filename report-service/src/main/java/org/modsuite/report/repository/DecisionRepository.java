package org.modsuite.report.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import org.modsuite.report.Decision;

/** Decisions, newest last per case. */
@ApplicationScoped
public class DecisionRepository implements PanacheRepositoryBase<Decision, UUID> {

  public Uni<List<Decision>> ofCase(UUID caseId) {
    return list("caseId = ?1 order by decidedAt", caseId);
  }

  /** Decisions on other posts of the same (pseudonymous) author, newest first. */
  public Uni<List<Decision>> ofAuthor(String authorId, String exceptPostUid, int limit) {
    return find("postUid in (select p.postUid from Post p where p.authorId = ?1) and postUid <> ?2 order by decidedAt desc", authorId, exceptPostUid)
        .page(0, limit).list();
  }

  /** The decision in force on a case: the newest. */
  public Uni<Decision> latestOfCase(UUID caseId) {
    return find("caseId = ?1 order by decidedAt desc", caseId).firstResult();
  }
}
