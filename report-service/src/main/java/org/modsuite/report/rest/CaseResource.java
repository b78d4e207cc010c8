package org.modsuite.report.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.modsuite.report.service.CasePage;
import org.modsuite.report.service.CaseService;
import org.modsuite.report.service.CaseView;
import org.modsuite.support.rest.Problem;
import org.modsuite.support.rest.ProblemException;
import org.modsuite.support.security.Roles;

/** The cases, newest first. */
@Path("/api/v1/cases")
@Tag(name = "cases")
@RolesAllowed({Roles.MODERATOR, Roles.ADMIN, Roles.COMPLIANCE})
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

  private final CaseService cases;

  public CaseResource(CaseService cases) {
    this.cases = cases;
  }

  @GET
  @Operation(summary = "List cases, newest first")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CasePage.class)))
  @APIResponse(responseCode = "400", description = "page or size out of range",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<CasePage> list(
      @Parameter(description = "0-based page") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
      @Parameter(description = "cases per page, 1 to 100") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    return cases.listCases(page, size);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One case")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseView.class)))
  @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<CaseView> get(@PathParam("id") UUID id) {
    return cases.findCase(id).onItem().ifNull().failWith(() -> ProblemException.notFound("no case " + id)).map(CaseView::of);
  }
}
