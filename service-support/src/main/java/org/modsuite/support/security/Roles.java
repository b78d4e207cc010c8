package org.modsuite.support.security;

import java.util.List;

/** The roles of ARCHITECTURE.md, as they appear in a token's {@code groups} claim and in {@code @RolesAllowed}. */
public final class Roles {

  /** Users, policy, rules, API keys. */
  public static final String ADMIN = "admin";
  /** The review queue and decisions. */
  public static final String MODERATOR = "moderator";
  /** An NGO designated under DSA Art. 22: priority notices, status of its own organisation's notices. */
  public static final String TRUSTED_FLAGGER = "trusted_flagger";
  /** Exports, transparency reports, audit log; read-only otherwise. */
  public static final String COMPLIANCE = "compliance";
  /** Machine clients: platform pushes, NGO integrations, other services. */
  public static final String SERVICE = "service";

  public static final List<String> ALL = List.of(ADMIN, MODERATOR, TRUSTED_FLAGGER, COMPLIANCE, SERVICE);

  private Roles() {
  }
}
