package org.modsuite.report.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.modsuite.report.service.DecisionService;
import org.modsuite.report.service.DecisionView;
import org.modsuite.support.security.Roles;

/**
 * One decision, for the case view and for a platform's enforcement client (role service), which reads the statement of
 * reasons (GET /api/v1/statements/{puid}) to send it to the affected recipient.
 */
@Path("/api/v1/decisions")
@Tag(name = "cases")
@RolesAllowed({Roles.MODERATOR, Roles.ADMIN, Roles.COMPLIANCE, Roles.SERVICE})
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {

  private final DecisionService decisions;

  public DecisionResource(DecisionService decisions) {
    this.decisions = decisions;
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One decision, with the PUID of its statement of reasons")
  public Uni<DecisionView> get(@PathParam("id") UUID id) {
    return decisions.find(id);
  }
}
