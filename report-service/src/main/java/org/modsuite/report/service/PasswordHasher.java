package org.modsuite.report.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * bcrypt (adaptive; cost 12) from Quarkus' Elytron security library. Hashing takes ~0.25 s on purpose: callers run it
 * off the event loop.
 */
@ApplicationScoped
public class PasswordHasher {

  static final int COST = 12;
  /** Compared against when the user does not exist, so that a wrong name takes as long as a wrong password. */
  private static final String DUMMY = BcryptUtil.bcryptHash("not-a-password", COST);

  public String hash(String password) {
    return BcryptUtil.bcryptHash(password, COST);
  }

  public boolean matches(String password, String hash) {
    return BcryptUtil.matches(password, hash != null ? hash : DUMMY);
  }
}
