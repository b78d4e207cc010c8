package org.modsuite.report.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
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
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.modsuite.report.service.Actor;
import org.modsuite.report.service.TrustedFlaggerRequest;
import org.modsuite.report.service.TrustedFlaggerService;
import org.modsuite.support.rest.ProblemException;
import org.modsuite.support.security.Roles;

/** The trusted-flagger register (DSA Art. 22): admins keep it; moderators and compliance officers read it with its figures. */
@Path("/api/v1/trusted-flaggers")
@Tag(name = "trusted flaggers")
@Produces(MediaType.APPLICATION_JSON)
public class TrustedFlaggerResource {

  private final TrustedFlaggerService flaggers;
  private final SecurityIdentity identity;
  private final HttpServerRequest request;

  public TrustedFlaggerResource(TrustedFlaggerService flaggers, SecurityIdentity identity, HttpServerRequest request) {
    this.flaggers = flaggers;
    this.identity = identity;
    this.request = request;
  }

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.MODERATOR, Roles.COMPLIANCE})
  @Operation(summary = "The register, with notices, decided, share upheld and median hours to decision per flagger")
  public Uni<List<TrustedFlaggerService.View>> list() {
    return flaggers.list();
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Register an organisation designated by a Digital Services Coordinator")
  public Uni<Response> register(TrustedFlaggerRequest entry) {
    return flaggers.register(entry, Actor.of(identity, ClientAddress.of(request)))
        .map(v -> Response.created(URI.create("/api/v1/trusted-flaggers/" + v.id())).entity(v).build());
  }

  @PATCH
  @Path("/{id}")
  @RolesAllowed(Roles.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Activate or withdraw the status: {\"active\": false}")
  public Uni<TrustedFlaggerService.View> setActive(@PathParam("id") UUID id, Map<String, Object> change) {
    if (change == null || !(change.get("active") instanceof Boolean active)) {
      return Uni.createFrom().failure(ProblemException.invalid("active", "must be true or false"));
    }
    return flaggers.setActive(id, active, Actor.of(identity, ClientAddress.of(request)));
  }
}
