package org.modsuite.report.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import org.modsuite.report.ApiKey;

/** API keys, found by the hash of the presented key. */
@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

  public Uni<ApiKey> findActiveByHash(String keyHash) {
    return find("keyHash = ?1 and revokedAt is null", keyHash).firstResult();
  }
}
