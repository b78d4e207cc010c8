package org.modsuite.report.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import org.modsuite.report.StatementRecord;

/** Statements of reasons and their submission to the Transparency Database. */
@ApplicationScoped
public class StatementRepository implements PanacheRepositoryBase<StatementRecord, UUID> {

  public Uni<StatementRecord> ofDecision(UUID decisionId) {
    return find("decisionId", decisionId).firstResult();
  }
}
