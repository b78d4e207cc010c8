package org.modsuite.report.service;

import java.util.List;

import io.quarkus.security.identity.SecurityIdentity;
import org.modsuite.support.security.Roles;

/** Who acts: the account, the role it acts in (the most privileged it holds), and the client address, for the audit log. */
public record Actor(String name, String role, String client) {

  public static final Actor SYSTEM = new Actor("system", "system", null);

  public static Actor of(SecurityIdentity identity, String client) {
    if (identity == null || identity.isAnonymous()) {
      return new Actor("public", "public", client);
    }
    String role = List.of(Roles.ADMIN, Roles.MODERATOR, Roles.COMPLIANCE, Roles.TRUSTED_FLAGGER, Roles.SERVICE).stream()
        .filter(identity::hasRole).findFirst().orElse("none");
    return new Actor(identity.getPrincipal().getName(), role, client);
  }
}
