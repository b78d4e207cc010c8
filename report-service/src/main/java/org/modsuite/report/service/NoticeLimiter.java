package org.modsuite.report.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import org.modsuite.report.config.DsaConfig;
import org.modsuite.support.rest.Problem;
import org.modsuite.support.rest.ProblemException;

/** The rate limit of the public notice and complaint forms for callers without a token, per client address and in total (per replica). */
@ApplicationScoped
public class NoticeLimiter {

  private final RateLimiter limiter;

  public NoticeLimiter(DsaConfig config) {
    this.limiter = new RateLimiter(config.noticesPerClientPerMinute(), config.noticesPerMinute(), Duration.ofMinutes(1));
  }

  /** Counts a request of an anonymous client: seconds to wait, or 0 when it may go ahead. */
  public long retryAfterSeconds(String client) {
    return limiter.retryAfterSeconds(client);
  }

  /** Lets an authenticated caller through; counts an anonymous one and fails with 429 and Retry-After over the limit. */
  public Uni<Void> admit(SecurityIdentity who, String client) {
    long retryAfter = who.isAnonymous() ? retryAfterSeconds(client) : 0;
    return retryAfter == 0 ? Uni.createFrom().voidItem()
        : Uni.createFrom().failure(new ProblemException(Problem.of(429, "Too many requests", "try again in " + retryAfter + " s"))
            .withHeader("Retry-After", Long.toString(retryAfter)));
  }
}
