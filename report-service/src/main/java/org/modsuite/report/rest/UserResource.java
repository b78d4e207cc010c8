package org.modsuite.report.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.modsuite.report.service.UserService;
import org.modsuite.support.security.Roles;

/** User administration: admins only. */
@Path("/api/v1/users")
@Tag(name = "users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

  /** A new user. */
  public record NewUser(
      @NotNull @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{2,63}$", message = "must be 3-64 lower-case letters, digits, '.', '_' or '-'") String username,
      @NotNull @Size(min = 12, max = 200, message = "must have 12 to 200 characters") String password,
      @NotNull @Size(min = 1) List<String> roles,
      @Size(max = 200) String organisation) {
  }

  /** Changes to a user; absent fields stay as they are. */
  public record UserChange(@Size(min = 1) List<String> roles, @Size(max = 200) String organisation, Boolean disabled) {
  }

  private final UserService users;
  private final SecurityIdentity identity;

  public UserResource(UserService users, SecurityIdentity identity) {
    this.users = users;
    this.identity = identity;
  }

  @GET
  @Operation(summary = "List users")
  public Uni<List<UserService.UserView>> list() {
    return users.list();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a user")
  public Uni<Response> create(@NotNull @Valid NewUser user) {
    return users.create(user.username(), user.password(), user.roles(), user.organisation(), identity.getPrincipal().getName())
        .map(created -> Response.status(201).entity(created).build());
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change a user's roles, organisation or disabled state")
  public Uni<UserService.UserView> update(@PathParam("id") UUID id, @NotNull @Valid UserChange change) {
    return users.update(id, change.roles(), change.organisation(), change.disabled(), identity.getPrincipal().getName());
  }

  @POST
  @Path("/{id}/password-reset")
  @Operation(summary = "Set a new random password (shown once) and unlock the account")
  public Uni<Map<String, String>> resetPassword(@PathParam("id") UUID id) {
    return users.resetPassword(id, identity.getPrincipal().getName()).map(password -> Map.of("password", password));
  }
}
