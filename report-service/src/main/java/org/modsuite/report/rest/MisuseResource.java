package org.modsuite.report.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.modsuite.report.service.Actor;
import org.modsuite.report.service.MisuseService;
import org.modsuite.support.security.Roles;

/** DSA Art. 23: who misuses the service (figures per 23(3)), and the warnings and suspensions taken. */
@Path("/api/v1/misuse")
@Tag(name = "misuse")
@Produces(MediaType.APPLICATION_JSON)
public class MisuseResource {

  private final MisuseService misuse;
  private final SecurityIdentity identity;
  private final HttpServerRequest request;

  public MisuseResource(MisuseService misuse, SecurityIdentity identity, HttpServerRequest request) {
    this.misuse = misuse;
    this.identity = identity;
    this.request = request;
  }

  @GET
  @Path("/candidates")
  @RolesAllowed({Roles.MODERATOR, Roles.ADMIN, Roles.COMPLIANCE})
  @Operation(summary = "Notifiers, complainants and uploaders whose manifestly unfounded or illegal items in the period reach the thresholds")
  public Uni<List<MisuseService.Candidate>> candidates(@QueryParam("days") @DefaultValue("90") @Min(1) @Max(3650) int days,
      @QueryParam("minCount") @DefaultValue("5") @Min(1) int minCount,
      @QueryParam("minShare") @DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1") double minShare) {
    return misuse.candidates(days, minCount, minShare);
  }

  @GET
  @Path("/measures")
  @RolesAllowed({Roles.MODERATOR, Roles.ADMIN, Roles.COMPLIANCE})
  @Operation(summary = "Warnings and suspensions, newest first")
  public Uni<List<MisuseService.Measure>> measures(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
    return misuse.measures(page, size);
  }

  @POST
  @Path("/measures")
  @RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Warn, or suspend for a period after a warning, with reasons (Art. 23(1)-(3))")
  public Uni<Response> take(MisuseService.MeasureRequest measure) {
    return misuse.take(measure, Actor.of(identity, ClientAddress.of(request)))
        .map(m -> Response.created(URI.create("/api/v1/misuse/measures/" + m.id())).entity(m).build());
  }
}
