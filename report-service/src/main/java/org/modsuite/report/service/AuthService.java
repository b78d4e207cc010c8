package org.modsuite.report.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import org.modsuite.report.AppUser;
import org.modsuite.report.config.AuthConfig;
import org.modsuite.report.repository.ApiKeyRepository;
import org.modsuite.report.repository.RefreshTokenRepository;
import org.modsuite.report.repository.UserRepository;

/**
 * The three grants of {@code POST /api/v1/auth/token}: password (people), refresh_token (rotating, one use) and
 * api_key (machine clients exchange their long-lived key for a short-lived token). Every outcome is audited.
 * A refused grant completes with null instead of failing, so that its audit entry and failed-login count commit.
 */
@ApplicationScoped
public class AuthService {

  private final UserRepository users;
  private final ApiKeyRepository apiKeys;
  private final RefreshTokenRepository refreshTokens;
  private final PasswordHasher hasher;
  private final TokenService tokens;
  private final AuditService audit;
  private final AuthConfig config;
  private static final TokenResponse REFUSED = null;

  public AuthService(UserRepository users, ApiKeyRepository apiKeys, RefreshTokenRepository refreshTokens, PasswordHasher hasher,
      TokenService tokens, AuditService audit, AuthConfig config) {
    this.users = users;
    this.apiKeys = apiKeys;
    this.refreshTokens = refreshTokens;
    this.hasher = hasher;
    this.tokens = tokens;
    this.audit = audit;
    this.config = config;
  }

  @WithTransaction
  public Uni<TokenResponse> passwordGrant(String username, String password, String client) {
    Instant now = Instant.now();
    return users.findByUsername(username).chain(user -> hasher.matches(password, user == null ? null : user.getPasswordHash())
        .chain(matches -> {
          if (user == null) {
            // not the name as typed: people type passwords into the name field
            return audit.record("unknown", "login", null, "unknown user", client).replaceWith(REFUSED);
          }
          if (user.isDisabled() || user.isLocked(now)) {
            return audit.record(username, "login", null, user.isDisabled() ? "disabled" : "locked", client)
                .replaceWith(REFUSED);
          }
          if (!matches) {
            user.recordFailedLogin(config.maxFailedLogins(), config.lockout(), now);
            String outcome = user.isLocked(now) ? "wrong password, account locked" : "wrong password";
            return audit.record(username, "login", null, outcome, client).replaceWith(REFUSED);
          }
          user.recordSuccessfulLogin(now);
          return issue(user, now).call(() -> audit.record(username, "login", null, "token issued", client));
        }));
  }

  @WithTransaction
  public Uni<TokenResponse> refreshGrant(String refreshToken, String client) {
    Instant now = Instant.now();
    return refreshTokens.use(Secrets.sha256(refreshToken), now)
        .chain(userId -> userId == null ? Uni.createFrom().<AppUser>nullItem() : users.findById(userId))
        .chain(user -> {
          if (user == null || user.isDisabled() || user.isLocked(now)) {
            return audit.record(user == null ? "?" : user.getUsername(), "refresh", null, "refused", client)
                .replaceWith(REFUSED);
          }
          return issue(user, now).call(() -> audit.record(user.getUsername(), "refresh", null, "token issued", client));
        });
  }

  @WithTransaction
  public Uni<TokenResponse> apiKeyGrant(String apiKey, String client) {
    Instant now = Instant.now();
    return apiKeys.findActiveByHash(Secrets.sha256(apiKey)).chain(key -> {
      if (key == null) {
        return audit.record("api-key:" + ApiKeyService.prefixOf(apiKey), "api key exchange", null, "unknown or revoked", client)
            .replaceWith(REFUSED);
      }
      key.markUsed(now);
      String subject = "api-key:" + key.getName();
      String access = tokens.accessToken(subject, key.getRoles(), key.getOrganisation());
      return audit.record(subject, "api key exchange", key.getId().toString(), "token issued", client)
          .replaceWith(new TokenResponse(access, "Bearer", tokens.accessTokenSeconds(), null));
    });
  }

  private Uni<TokenResponse> issue(AppUser user, Instant now) {
    String refresh = Secrets.random(32);
    String access = tokens.accessToken(user.getUsername(), user.getRoles(), user.getOrganisation());
    return refreshTokens.insert(Secrets.sha256(refresh), user.getId(), now.plus(config.refreshTokenTtl()), now)
        .replaceWith(new TokenResponse(access, "Bearer", tokens.accessTokenSeconds(), refresh));
  }
}
