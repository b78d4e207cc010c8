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

  /** The decision in force on a case: the newest. */
  public Uni<Decision> latestOfCase(UUID caseId) {
    return find("caseId = ?1 order by decidedAt desc", caseId).firstResult();
  }
}
