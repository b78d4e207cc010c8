package org.modsuite.report.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import org.modsuite.report.ApiKey;
import org.modsuite.report.repository.ApiKeyRepository;
import org.modsuite.support.rest.ProblemException;

/** Long-lived keys for machine clients. The key is {@code msk_<prefix>_<secret>}, shown once; only its SHA-256 is kept. */
@ApplicationScoped
public class ApiKeyService {

  private final ApiKeyRepository keys;
  private final AuditService audit;

  public ApiKeyService(ApiKeyRepository keys, AuditService audit) {
    this.keys = keys;
    this.audit = audit;
  }

  /** An API key as listed: never the key. */
  public record ApiKeyView(UUID id, String name, String prefix, List<String> roles, String organisation, String createdBy, Instant createdAt,
      Instant lastUsedAt, Instant revokedAt) {

    static ApiKeyView of(ApiKey k) {
      return new ApiKeyView(k.getId(), k.getName(), k.getKeyPrefix(), k.getRoles(), k.getOrganisation(), k.getCreatedBy(), k.getCreatedAt(),
          k.getLastUsedAt(), k.getRevokedAt());
    }
  }

  /** A new key, with the secret that is shown this once. */
  public record CreatedApiKey(ApiKeyView apiKey, String key) {
  }

  static String prefixOf(String key) {
    String[] parts = key == null ? new String[0] : key.split("_");
    return parts.length == 3 ? parts[1] : "?";
  }

  @WithTransaction
  public Uni<CreatedApiKey> create(String name, List<String> roles, String organisation, String actor) {
    UserService.validate(roles, organisation);
    String prefix = Secrets.random(6).replace("_", "x").replace("-", "y");
    String key = "msk_" + prefix + "_" + Secrets.random(32);
    ApiKey apiKey = new ApiKey(name, prefix, Secrets.sha256(key), roles, organisation, actor, Instant.now());
    return keys.persist(apiKey)
        .call(k -> audit.record(actor, "api key created", name + " (" + prefix + ")", "roles " + String.join(",", roles), null))
        .map(k -> new CreatedApiKey(ApiKeyView.of(k), key));
  }

  @WithSession
  public Uni<List<ApiKeyView>> list() {
    return keys.listAll(Sort.descending("createdAt")).map(list -> list.stream().map(ApiKeyView::of).toList());
  }

  @WithTransaction
  public Uni<Void> revoke(UUID id, String actor) {
    return keys.findById(id).chain(key -> {
      if (key == null) {
        throw ProblemException.notFound("no API key " + id);
      }
      key.revoke(Instant.now());
      return audit.record(actor, "api key revoked", key.getName() + " (" + key.getKeyPrefix() + ")", "done", null);
    });
  }
}
