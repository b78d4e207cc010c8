package org.modsuite.report.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.modsuite.support.security.Roles;

/**
 * Who looks at a page (nobody, for the public pages), in which language, with which CSRF token and wellbeing
 * setting; the navigation it may see follows from the roles.
 */
public record PageUser(String name, Set<String> roles, String organisation, String lang, String csrf, boolean blurSevere, String path) {

  /** One link of the main navigation; key names its text in the message bundle. */
  public record NavItem(String href, String key, boolean current) {
  }

  public boolean signedIn() {
    return name != null;
  }

  public boolean has(String role) {
    return roles.contains(role);
  }

  public boolean moderator() {
    return has(Roles.MODERATOR) || has(Roles.ADMIN);
  }

  public boolean compliance() {
    return has(Roles.COMPLIANCE) || has(Roles.ADMIN);
  }

  public boolean admin() {
    return has(Roles.ADMIN);
  }

  public boolean trustedFlagger() {
    return has(Roles.TRUSTED_FLAGGER);
  }

  public String rolesText() {
    return String.join(", ", roles);
  }

  /** The pages this user may open, in the order of a working day. */
  public List<NavItem> nav() {
    List<NavItem> items = new ArrayList<>();
    if (signedIn()) {
      add(items, "/", "nav_home");
    }
    if (moderator()) {
      add(items, "/queue", "nav_queue");
    }
    add(items, "/notices/new", "nav_notices_new");
    if (trustedFlagger()) {
      add(items, "/notices/mine", "nav_notices_mine");
      add(items, "/notices/bulk", "nav_notices_bulk");
    }
    if (compliance()) {
      add(items, "/compliance", "nav_compliance");
    }
    if (admin()) {
      add(items, "/admin", "nav_admin");
    }
    if (signedIn()) {
      add(items, "/settings", "nav_settings");
    }
    return items;
  }

  private void add(List<NavItem> items, String href, String key) {
    boolean current = href.equals(path) || (!"/".equals(href) && path != null && path.startsWith(href + "/"));
    items.add(new NavItem(href, key, current));
  }
}
