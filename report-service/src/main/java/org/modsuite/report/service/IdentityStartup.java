package org.modsuite.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import org.modsuite.report.config.AuthConfig;

/** At start: load (or make) the signing keys, and create the bootstrap admin on a new installation. */
@ApplicationScoped
public class IdentityStartup {

  private final SigningKeys keys;
  private final UserService users;
  private final AuthConfig config;

  public IdentityStartup(SigningKeys keys, UserService users, AuthConfig config) {
    this.keys = keys;
    this.users = users;
    this.config = config;
  }

  void onStart(@Observes StartupEvent event) throws Throwable {
    VertxContextSupport.subscribeAndAwait(keys::refresh);
    if (config.adminPassword().isEmpty()) {
      Log.info("MODSUITE_ADMIN_PASSWORD is not set: no bootstrap admin is created (an existing one is kept)");
      return;
    }
    if (config.adminPassword().get().length() < 12) {
      Log.error("MODSUITE_ADMIN_PASSWORD has fewer than 12 characters: no bootstrap admin is created");
      return;
    }
    if (VertxContextSupport.subscribeAndAwait(() -> users.createBootstrapAdmin(config.adminPassword().get()))) {
      Log.info("created the bootstrap user admin");
    }
  }
}
