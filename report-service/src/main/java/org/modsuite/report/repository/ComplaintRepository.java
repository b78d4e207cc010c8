package org.modsuite.report.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import org.modsuite.report.Complaint;

/** Complaints (the complainants' contact data is in its own table). */
@ApplicationScoped
public class ComplaintRepository implements PanacheRepositoryBase<Complaint, UUID> {

  public Uni<List<Complaint>> ofCase(UUID caseId) {
    return list("caseId = ?1 order by receivedAt", caseId);
  }
}
