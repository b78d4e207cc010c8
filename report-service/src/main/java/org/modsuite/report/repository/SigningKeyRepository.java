package org.modsuite.report.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import org.modsuite.report.SigningKey;

/** Signing keys, newest first. */
@ApplicationScoped
public class SigningKeyRepository implements PanacheRepositoryBase<SigningKey, String> {

  public Uni<List<SigningKey>> listUnretired(Instant now) {
    return list("retireAt > ?1", Sort.descending("createdAt"), now);
  }

  public Uni<Long> deleteRetired(Instant now) {
    return delete("retireAt <= ?1", now);
  }
}
