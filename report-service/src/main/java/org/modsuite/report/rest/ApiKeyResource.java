package org.modsuite.report.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.modsuite.report.service.ApiKeyService;
import org.modsuite.support.security.Roles;

/** API keys of machine clients: admins only. A client exchanges its key for a token (grant_type=api_key). */
@Path("/api/v1/api-keys")
@Tag(name = "api-keys")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

  /** A new key's name, roles and organisation. */
  public record NewApiKey(@NotBlank @Size(max = 100) String name, @NotNull @Size(min = 1) List<String> roles, @Size(max = 200) String organisation) {
  }

  private final ApiKeyService keys;
  private final SecurityIdentity identity;

  public ApiKeyResource(ApiKeyService keys, SecurityIdentity identity) {
    this.keys = keys;
    this.identity = identity;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create an API key; the key is in this answer only")
  public Uni<Response> create(@NotNull @Valid NewApiKey key) {
    return keys.create(key.name(), key.roles(), key.organisation(), identity.getPrincipal().getName())
        .map(created -> Response.status(201).entity(created).build());
  }

  @GET
  @Operation(summary = "List API keys (without the keys)")
  public Uni<List<ApiKeyService.ApiKeyView>> list() {
    return keys.list();
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Revoke an API key")
  public Uni<Response> revoke(@PathParam("id") UUID id) {
    return keys.revoke(id, identity.getPrincipal().getName()).map(v -> Response.noContent().build());
  }
}
