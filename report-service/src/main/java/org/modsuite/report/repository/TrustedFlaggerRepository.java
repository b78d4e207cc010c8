package org.modsuite.report.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import org.modsuite.report.TrustedFlagger;

/** The trusted-flagger register. */
@ApplicationScoped
public class TrustedFlaggerRepository implements PanacheRepositoryBase<TrustedFlagger, UUID> {

  public Uni<TrustedFlagger> findActive(String organisation) {
    return find("organisation = ?1 and active = true", organisation).firstResult();
  }
}
