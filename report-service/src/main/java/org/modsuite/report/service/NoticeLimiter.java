package org.modsuite.report.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.modsuite.report.config.DsaConfig;

/** The rate limit of the public notice form, per client address and in total (per replica). */
@ApplicationScoped
public class NoticeLimiter {

  private final RateLimiter limiter;

  public NoticeLimiter(DsaConfig config) {
    this.limiter = new RateLimiter(config.noticesPerClientPerMinute(), config.noticesPerMinute(), Duration.ofMinutes(1));
  }

  /** Seconds to wait, or 0 when this notice may go ahead. */
  public long retryAfterSeconds(String client) {
    return limiter.retryAfterSeconds(client);
  }
}
