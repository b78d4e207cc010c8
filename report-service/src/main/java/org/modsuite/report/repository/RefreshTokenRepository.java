package org.modsuite.report.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Refresh tokens by their SHA-256; each is used once. */
@ApplicationScoped
public class RefreshTokenRepository {

  public Uni<Integer> insert(String tokenHash, UUID userId, Instant expiresAt, Instant now) {
    return Panache.getSession().chain(s -> s.createNativeQuery(
        "INSERT INTO refresh_token (token_hash, user_id, expires_at, created_at) VALUES (:hash, :user, :expires, :now)")
        .setParameter("hash", tokenHash).setParameter("user", userId).setParameter("expires", expiresAt).setParameter("now", now)
        .executeUpdate());
  }

  /** Ends every refresh token of the user (password reset, disabled, roles changed). */
  public Uni<Integer> revokeAll(UUID userId, Instant now) {
    return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE refresh_token SET used_at = :now WHERE user_id = :user AND used_at IS NULL")
        .setParameter("user", userId).setParameter("now", now)
        .executeUpdate());
  }

  /** Marks the token used and returns its user, or null when it is unknown, expired or already used. */
  public Uni<UUID> use(String tokenHash, Instant now) {
    return Panache.getSession().chain(s -> s.createNativeQuery(
        "UPDATE refresh_token SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now RETURNING user_id", UUID.class)
        .setParameter("hash", tokenHash).setParameter("now", now)
        .getResultList())
        .map(rows -> rows.isEmpty() ? null : rows.get(0));
  }
}
