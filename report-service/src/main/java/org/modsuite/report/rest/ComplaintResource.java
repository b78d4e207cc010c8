package org.modsuite.report.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.modsuite.report.service.Actor;
import org.modsuite.report.service.ComplaintRequest;
import org.modsuite.report.service.ComplaintService;
import org.modsuite.report.service.ComplaintView;
import org.modsuite.report.service.NoticeLimiter;
import org.modsuite.report.service.OutcomeRequest;
import org.modsuite.support.rest.Problem;
import org.modsuite.support.security.Roles;

/**
 * The internal complaint system (DSA Art. 20). Affected recipients and notifiers complain with the token they were given,
 * without an account; a platform's service account may complain on a recipient's behalf. Moderators decide.
 */
@Path("/api/v1/complaints")
@Tag(name = "complaints")
@Produces(MediaType.APPLICATION_JSON)
public class ComplaintResource {

  private final ComplaintService complaints;
  private final SecurityIdentity identity;
  private final CurrentIdentityAssociation identities;
  private final HttpServerRequest request;
  private final NoticeLimiter limiter;

  public ComplaintResource(ComplaintService complaints, SecurityIdentity identity, CurrentIdentityAssociation identities, HttpServerRequest request,
      NoticeLimiter limiter) {
    this.complaints = complaints;
    this.identity = identity;
    this.identities = identities;
    this.request = request;
    this.limiter = limiter;
  }

  @POST
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Complain about a decision (free of charge, within six months of being informed)")
  @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ComplaintView.class)))
  @APIResponse(responseCode = "403", description = "the token does not belong to this decision",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "422", description = "the complaint window has closed",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> submit(ComplaintRequest complaint) {
    String client = ClientAddress.of(request);
    return identities.getDeferredIdentity().chain(who -> {
      boolean onBehalf = who.hasRole(Roles.SERVICE) || who.hasRole(Roles.ADMIN);
      return limiter.admit(who, client).chain(() -> complaints.submit(complaint, Actor.of(who, client), onBehalf))
          .map(c -> Response.created(URI.create("/api/v1/complaints/" + c.id())).entity(c).build());
    });
  }

  @GET
  @Path("/{id}/status")
  @PermitAll
  @Operation(summary = "The complainant's view of a complaint, with the status token of the answer to its submission")
  public Uni<ComplaintView> status(@PathParam("id") UUID id, @QueryParam("token") String token) {
    return complaints.status(id, token);
  }

  @GET
  @RolesAllowed({Roles.MODERATOR, Roles.ADMIN, Roles.COMPLIANCE})
  @Operation(summary = "Complaints by state, oldest first; mine=true for those assigned to me")
  public Uni<List<ComplaintView>> list(@QueryParam("state") @DefaultValue("open") @Pattern(regexp = "open|decided") String state,
      @QueryParam("mine") @DefaultValue("false") boolean mine, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
    return complaints.list(state, mine ? identity.getPrincipal().getName() : null, page, size);
  }

  @POST
  @Path("/{id}/outcome")
  @RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Decide a complaint with reasons; a reversal records a new decision (restore or restriction)")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ComplaintView.class)))
  @APIResponse(responseCode = "409", description = "decided already, assigned to another, or you took the original decision",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<ComplaintView> decide(@PathParam("id") UUID id, OutcomeRequest outcome) {
    return complaints.decide(id, outcome, Actor.of(identity, ClientAddress.of(request)));
  }
}
