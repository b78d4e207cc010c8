package org.modsuite.report.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import org.modsuite.report.AppUser;

/** Users by id and by name. */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<AppUser, UUID> {

  public Uni<AppUser> findByUsername(String username) {
    return find("username", username).firstResult();
  }
}
