package org.modsuite.report;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A machine client's long-lived key: only its SHA-256 and a display prefix are kept. */
@Entity
@Table(name = "api_key")
public class ApiKey {

  @Id
  private UUID id;
  private String name;
  private String keyPrefix;
  private String keyHash;
  private String roles;
  private String organisation;
  private String createdBy;
  private Instant createdAt;
  private Instant lastUsedAt;
  private Instant revokedAt;

  protected ApiKey() {
  }

  public ApiKey(String name, String keyPrefix, String keyHash, List<String> roles, String organisation, String createdBy, Instant now) {
    this.id = UUID.randomUUID();
    this.name = name;
    this.keyPrefix = keyPrefix;
    this.keyHash = keyHash;
    this.roles = String.join(",", roles);
    this.organisation = organisation;
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  public UUID getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getKeyPrefix() {
    return keyPrefix;
  }

  public List<String> getRoles() {
    return Arrays.asList(roles.split(","));
  }

  public String getOrganisation() {
    return organisation;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getLastUsedAt() {
    return lastUsedAt;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  public void markUsed(Instant now) {
    this.lastUsedAt = now;
  }

  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }
}
