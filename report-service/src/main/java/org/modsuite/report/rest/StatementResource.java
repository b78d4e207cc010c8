package org.modsuite.report.rest;


import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.modsuite.report.service.Actor;
import org.modsuite.report.service.StatementPage;
import org.modsuite.report.service.StatementService;
import org.modsuite.report.service.StatementView;
import org.modsuite.support.rest.Problem;
import org.modsuite.support.security.Roles;

/** Statements of reasons: their submission to the Transparency Database, and the batch body for a date range. */
@Path("/api/v1/statements")
@Tag(name = "statements")
@RolesAllowed({Roles.COMPLIANCE, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class StatementResource {

  private final StatementService statements;
  private final SecurityIdentity identity;
  private final HttpServerRequest request;

  public StatementResource(StatementService statements, SecurityIdentity identity, HttpServerRequest request) {
    this.statements = statements;
    this.identity = identity;
    this.request = request;
  }

  @GET
  @Operation(summary = "Statements of reasons with their submission state, newest first")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StatementPage.class)))
  @APIResponse(responseCode = "400", description = "a parameter out of range",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<StatementPage> list(
      @Parameter(description = "pending, submitted or rejected (default: all)") @QueryParam("state") @Pattern(regexp = "pending|submitted|rejected") String state,
      @Parameter(description = "0-based page") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
      @Parameter(description = "statements per page, 1 to 100") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    return statements.list(state, page, size);
  }

  @GET
  @Path("/transparency-db")
  @Blocking
  @Operation(summary = "The Transparency Database batch body of the statements created in a date range",
      description = "{\"statements\":[…]}: the stored statements, created from `from` 00:00 UTC to the end of `to` (both inclusive), "
          + "oldest first, exactly as POST /api/v1/statements of the Transparency Database takes them (split into calls of at most 100). "
          + "Streamed: any range works in constant memory.")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
  @APIResponse(responseCode = "400", description = "from or to missing or not a date (YYYY-MM-DD), or from after to",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Response batchBody(@Parameter(description = "first day, YYYY-MM-DD (UTC)") @QueryParam("from") String from,
      @Parameter(description = "last day, YYYY-MM-DD (UTC)") @QueryParam("to") String to) {
    DatePeriod period = DatePeriod.parse(from, to);
    StreamingOutput body = out -> statements.writeBatchBody(period.start(), period.end(), out);
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
        .header("Content-Disposition", "attachment; filename=\"statements-" + period.from() + "-" + period.to() + ".json\"").build();
  }

  @GET
  @Path("/{puid}")
  @RolesAllowed({Roles.COMPLIANCE, Roles.ADMIN, Roles.SERVICE})
  @Operation(summary = "One statement of reasons with its submission state and body",
      description = "Also for a platform's enforcement client (role service), which sends the statement to the affected recipient.")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StatementView.class)))
  @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<StatementView> get(@PathParam("puid") String puid) {
    return statements.get(puid);
  }

  @POST
  @Path("/{puid}/retry")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Put a rejected statement back in line for submission",
      description = "For a rejection whose cause was on the database's side (the body itself cannot be changed: it is the record).")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StatementView.class)))
  @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "the statement is not rejected",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<StatementView> retry(@PathParam("puid") String puid) {
    return statements.retry(puid, Actor.of(identity, ClientAddress.of(request)));
  }

}
