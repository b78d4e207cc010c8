package org.modsuite.report.service;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.modsuite.report.config.AuthConfig;

/** Signs short-lived access tokens (RS256, kid of the current key): subject, roles ({@code groups}), organisation. */
@ApplicationScoped
public class TokenService {

  private final SigningKeys keys;
  private final AuthConfig config;

  public TokenService(SigningKeys keys, AuthConfig config) {
    this.keys = keys;
    this.config = config;
  }

  public String accessToken(String subject, List<String> roles, String organisation) {
    return accessToken(subject, roles, organisation, config.accessTokenTtl());
  }

  /** With an explicit lifetime; tests use a negative one for an expired token signed by the real key. */
  public String accessToken(String subject, List<String> roles, String organisation, Duration ttl) {
    SigningKeys.Key key = keys.current();
    Instant now = Instant.now();
    JwtClaimsBuilder claims = Jwt.issuer(config.issuer())
        .subject(subject)
        .upn(subject)
        .groups(new HashSet<>(roles))
        .issuedAt(now)
        .expiresAt(now.plus(ttl))
        .claim("jti", UUID.randomUUID().toString());
    if (organisation != null) {
      claims.claim("org", organisation);
    }
    return claims.jws().keyId(key.kid()).sign(key.privateKey());
  }

  public long accessTokenSeconds() {
    return config.accessTokenTtl().toSeconds();
  }
}
