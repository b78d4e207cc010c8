package org.modsuite.report.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.modsuite.report.service.Actor;
import org.modsuite.report.service.CaseDetail;
import org.modsuite.report.service.CaseFilter;
import org.modsuite.report.service.CasePage;
import org.modsuite.report.service.CaseService;
import org.modsuite.report.service.CaseView;
import org.modsuite.report.service.DecisionRequest;
import org.modsuite.report.service.DecisionService;
import org.modsuite.report.service.DecisionView;
import org.modsuite.support.rest.Problem;
import org.modsuite.support.security.Roles;

/** The review queue: cases, claims and decisions. Compliance officers may read; only moderators and admins act. */
@Path("/api/v1/cases")
@Tag(name = "cases")
@RolesAllowed({Roles.MODERATOR, Roles.ADMIN, Roles.COMPLIANCE})
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

  private final CaseService cases;
  private final DecisionService decisions;
  private final SecurityIdentity identity;
  private final HttpServerRequest request;

  public CaseResource(CaseService cases, DecisionService decisions, SecurityIdentity identity, HttpServerRequest request) {
    this.cases = cases;
    this.decisions = decisions;
    this.identity = identity;
    this.request = request;
  }

  @GET
  @Operation(summary = "The review queue or another selection of cases, most urgent first (priority, then deadline)")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CasePage.class)))
  @APIResponse(responseCode = "400", description = "a parameter out of range",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<CasePage> list(
      @Parameter(description = "queue (default: open and automatically actioned), all, open, auto_actioned or decided")
      @QueryParam("state") @Pattern(regexp = "queue|all|open|auto_actioned|decided") String state,
      @Parameter(description = "analysis category (hate, threat…) or DSA category key") @QueryParam("category") String category,
      @QueryParam("language") String language,
      @Parameter(description = "analysis, notice or trusted_flagger") @QueryParam("source") @Pattern(regexp = "analysis|notice|trusted_flagger") String source,
      @QueryParam("trustedFlagger") Boolean trustedFlagger,
      @Parameter(description = "breached or due_soon") @QueryParam("deadline") @Pattern(regexp = "breached|due_soon") String deadline,
      @Parameter(description = "0-based page") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
      @Parameter(description = "cases per page, 1 to 100") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    return cases.listCases(new CaseFilter(state, category, language, source, trustedFlagger, deadline), page, size);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One case with its post, analysis, notices, decisions, legal clocks and history")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseDetail.class)))
  @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<CaseDetail> get(@PathParam("id") UUID id) {
    return cases.detail(id);
  }

  @POST
  @Path("/{id}/claim")
  @RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
  @Operation(summary = "Claim the case (or renew your claim) so that no other moderator works it meanwhile")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseView.class)))
  @APIResponse(responseCode = "409", description = "claimed by someone else, or already decided",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<CaseView> claim(@PathParam("id") UUID id) {
    return cases.claim(id, actor());
  }

  @DELETE
  @Path("/{id}/claim")
  @RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
  @Operation(summary = "Release your claim")
  @APIResponse(responseCode = "204")
  @APIResponse(responseCode = "409", description = "you hold no claim",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> release(@PathParam("id") UUID id) {
    return cases.release(id, actor()).replaceWith(Response.noContent().build());
  }

  @POST
  @Path("/{id}/decisions")
  @RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Decide the case you hold the claim on",
      description = "Writes the decision, its statement of reasons (for restrictions), the moderation.actions event and the notifiers' answers in one transaction.")
  @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = DecisionView.class)))
  @APIResponse(responseCode = "400", description = "a missing or wrong element, named",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "not claimed by you, or already decided",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> decide(@PathParam("id") UUID id, DecisionRequest decision) {
    return decisions.decide(id, decision, actor())
        .map(d -> Response.created(URI.create("/api/v1/decisions/" + d.id())).entity(d).build());
  }

  private Actor actor() {
    return Actor.of(identity, ClientAddress.of(request));
  }
}
