package org.modsuite.report.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import org.modsuite.report.AppUser;
import org.modsuite.report.repository.RefreshTokenRepository;
import org.modsuite.report.repository.UserRepository;
import org.modsuite.support.rest.Problem;
import org.modsuite.support.rest.ProblemException;
import org.modsuite.support.security.Roles;

/** The admin's user management: create, change roles or organisation, disable, reset a password. Audited. */
@ApplicationScoped
public class UserService {

  private final UserRepository users;
  private final RefreshTokenRepository refreshTokens;
  private final PasswordHasher hasher;
  private final AuditService audit;

  public UserService(UserRepository users, RefreshTokenRepository refreshTokens, PasswordHasher hasher, AuditService audit) {
    this.users = users;
    this.refreshTokens = refreshTokens;
    this.hasher = hasher;
    this.audit = audit;
  }

  /** A user as the API shows it: never the hash. */
  public record UserView(UUID id, String username, List<String> roles, String organisation, boolean disabled, boolean locked, Instant createdAt,
      Instant updatedAt) {

    static UserView of(AppUser u) {
      return new UserView(u.getId(), u.getUsername(), u.getRoles(), u.getOrganisation(), u.isDisabled(), u.isLocked(Instant.now()),
          u.getCreatedAt(), u.getUpdatedAt());
    }
  }

  @WithSession
  public Uni<List<UserView>> list() {
    return users.listAll(Sort.by("username")).map(list -> list.stream().map(UserView::of).toList());
  }

  @WithSession
  public Uni<UserView> find(UUID id) {
    return users.findById(id).map(u -> {
      if (u == null) {
        throw ProblemException.notFound("no user " + id);
      }
      return UserView.of(u);
    });
  }

  @WithTransaction
  public Uni<UserView> create(String username, String password, List<String> roles, String organisation, String actor) {
    validate(roles, organisation);
    return users.findByUsername(username).chain(existing -> {
      if (existing != null) {
        throw new ProblemException(new Problem("about:blank", "Conflict", 409, "a user named " + username + " exists", null,
            List.of(new Problem.FieldError("username", "is taken"))));
      }
      return hasher.hash(password).chain(hash -> users.persist(new AppUser(username, hash, roles, organisation, Instant.now())))
          .call(user -> audit.record(actor, "user created", username, "roles " + String.join(",", roles), null))
          .map(UserView::of);
    });
  }

  @WithTransaction
  public Uni<UserView> update(UUID id, List<String> roles, String organisation, Boolean disabled, String actor) {
    return users.findById(id).chain(user -> {
      if (user == null) {
        throw ProblemException.notFound("no user " + id);
      }
      Instant now = Instant.now();
      List<String> newRoles = roles != null ? roles : user.getRoles();
      String newOrganisation = organisation != null ? organisation : user.getOrganisation();
      validate(newRoles, newOrganisation);
      user.setRoles(newRoles, now);
      user.setOrganisation(newOrganisation, now);
      if (disabled != null) {
        user.setDisabled(disabled, now);
      }
      // A changed account gets no new access token from an old refresh token; live access tokens end within their 15 minutes.
      return refreshTokens.revokeAll(user.getId(), now)
          .call(() -> audit.record(actor, "user changed", user.getUsername(), "roles " + String.join(",", newRoles) + ", disabled " + user.isDisabled(),
              null))
          .replaceWith(UserView.of(user));
    });
  }

  /** Sets a new random password (shown once to the admin) and unlocks the account. */
  @WithTransaction
  public Uni<String> resetPassword(UUID id, String actor) {
    String password = Secrets.random(15);
    return users.findById(id).chain(user -> {
      if (user == null) {
        throw ProblemException.notFound("no user " + id);
      }
      return hasher.hash(password).invoke(hash -> user.setPasswordHash(hash, Instant.now()))
          .call(() -> refreshTokens.revokeAll(user.getId(), Instant.now()))
          .call(() -> audit.record(actor, "password reset", user.getUsername(), "done", null))
          .replaceWith(password);
    });
  }

  /** The bootstrap admin of a new installation; nothing when a user named admin exists. */
  @WithTransaction
  public Uni<Boolean> createBootstrapAdmin(String password) {
    return users.findByUsername("admin").chain(existing -> existing != null ? Uni.createFrom().item(false)
        : hasher.hash(password).chain(hash -> users.persist(new AppUser("admin", hash, List.of(Roles.ADMIN), null, Instant.now())))
            .call(user -> audit.record("system", "user created", "admin", "bootstrap admin", null))
            .replaceWith(true));
  }

  static void validate(List<String> roles, String organisation) {
    if (roles == null || roles.isEmpty() || !Roles.ALL.containsAll(roles)) {
      throw ProblemException.invalid("roles", "must be one or more of " + Roles.ALL);
    }
    if (roles.contains(Roles.TRUSTED_FLAGGER) && (organisation == null || organisation.isBlank())) {
      throw ProblemException.invalid("organisation", "is required for a trusted_flagger (the organisation it flags for)");
    }
  }
}
