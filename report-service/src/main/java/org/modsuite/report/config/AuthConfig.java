package org.modsuite.report.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Identity and access settings of report-service, under {@code modsuite.auth}. */
@ConfigMapping(prefix = "modsuite.auth")
public interface AuthConfig {

  /** The {@code iss} of the tokens this service issues; the other services expect it ({@code mp.jwt.verify.issuer}). */
  @WithDefault("modsuite")
  String issuer();

  /** Lifetime of an access token. */
  @WithDefault("PT15M")
  Duration accessTokenTtl();

  /** Lifetime of a refresh token; each is used once and replaced. */
  @WithDefault("PT8H")
  Duration refreshTokenTtl();

  /** A new signing key is made when the newest is older than this. */
  @WithDefault("P30D")
  Duration keyRotation();

  /** Accepted difference between clocks when checking a token's expiry. */
  @WithDefault("PT30S")
  Duration clockSkew();

  /** Failed logins in a row that lock an account. */
  @WithDefault("5")
  int maxFailedLogins();

  /** How long a locked account stays locked. */
  @WithDefault("PT15M")
  Duration lockout();

  /**
   * Password of the bootstrap user {@code admin}, created on the first start when no user of that name exists
   * (env {@code MODSUITE_ADMIN_PASSWORD}; ./run generates one). Ignored once the user exists.
   */
  Optional<String> adminPassword();

  /** Whether session cookies carry {@code Secure} (sent over HTTPS only; browsers treat localhost as secure too). */
  @WithDefault("true")
  boolean secureCookies();

  /** Token requests allowed per client address per minute. */
  @WithDefault("20")
  int tokenRequestsPerClientPerMinute();

  /** Token requests allowed in total per minute. */
  @WithDefault("600")
  int tokenRequestsPerMinute();
}
