package org.modsuite.report;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person or machine account that logs in: hashed password, roles, organisation (trusted flaggers), lockout state. */
@Entity
@Table(name = "app_user")
public class AppUser {

  @Id
  private UUID id;
  private String username;
  private String passwordHash;
  /** Comma-separated role names. */
  private String roles;
  private String organisation;
  private boolean disabled;
  private int failedLogins;
  private Instant lockedUntil;
  private Instant createdAt;
  private Instant updatedAt;

  protected AppUser() {
  }

  public AppUser(String username, String passwordHash, List<String> roles, String organisation, Instant now) {
    this.id = UUID.randomUUID();
    this.username = username;
    this.passwordHash = passwordHash;
    this.roles = String.join(",", roles);
    this.organisation = organisation;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public UUID getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public List<String> getRoles() {
    return Arrays.asList(roles.split(","));
  }

  public String getOrganisation() {
    return organisation;
  }

  public boolean isDisabled() {
    return disabled;
  }

  public int getFailedLogins() {
    return failedLogins;
  }

  public Instant getLockedUntil() {
    return lockedUntil;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public boolean isLocked(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }

  /** Counts a failed login; locks the account for {@code lockout} after {@code max} failures in a row. */
  public void recordFailedLogin(int max, java.time.Duration lockout, Instant now) {
    failedLogins++;
    if (failedLogins >= max) {
      lockedUntil = now.plus(lockout);
      failedLogins = 0;
    }
    updatedAt = now;
  }

  public void recordSuccessfulLogin(Instant now) {
    failedLogins = 0;
    lockedUntil = null;
    updatedAt = now;
  }

  public void setPasswordHash(String passwordHash, Instant now) {
    this.passwordHash = passwordHash;
    this.failedLogins = 0;
    this.lockedUntil = null;
    this.updatedAt = now;
  }

  public void setRoles(List<String> roles, Instant now) {
    this.roles = String.join(",", roles);
    this.updatedAt = now;
  }

  public void setOrganisation(String organisation, Instant now) {
    this.organisation = organisation;
    this.updatedAt = now;
  }

  public void setDisabled(boolean disabled, Instant now) {
    this.disabled = disabled;
    this.updatedAt = now;
  }
}
