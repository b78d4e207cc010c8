package org.modsuite.ingestion.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.modsuite.ingestion.service.SourceService;
import org.modsuite.support.rest.Problem;
import org.modsuite.support.security.Roles;

/**
 * Source instances: admins change them; admins, moderators, compliance and services read them. Blocking JDBC, so the
 * methods run on worker threads (they return plain values).
 */
@Path("/api/v1/sources")
@Tag(name = "sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {

  private final SourceService sources;

  public SourceResource(SourceService sources) {
    this.sources = sources;
  }

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.MODERATOR, Roles.COMPLIANCE, Roles.SERVICE})
  @Operation(summary = "List the source instances with their state")
  public List<SourceView> list() {
    return sources.list();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.MODERATOR, Roles.COMPLIANCE, Roles.SERVICE})
  @Operation(summary = "A source instance: state, last success, last error, lag, posts in the last hour")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SourceView.class)))
  @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public SourceView get(@PathParam("id") String id) {
    return sources.get(id);
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a source instance", description = "The secret is encrypted at rest and never returned.")
  @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = SourceView.class)))
  @APIResponse(responseCode = "400", description = "errors name each field (settings.instance, intervalSeconds, ...)",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "the id is taken", content = @Content(mediaType = Problem.MEDIA_TYPE,
      schema = @Schema(implementation = Problem.class)))
  public Response create(SourceRequest request) {
    SourceView created = sources.create(request);
    return Response.created(URI.create("/api/v1/sources/" + created.id())).entity(created).build();
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed(Roles.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace a source's type, settings and interval", description = "Without a secret the stored one stays. "
      + "A changed type or settings starts the cursor afresh.")
  public SourceView update(@PathParam("id") String id, SourceRequest request) {
    return sources.update(id, request);
  }

  @POST
  @Path("/{id}/pause")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Stop polling a source (its cursor is kept)")
  public SourceView pause(@PathParam("id") String id) {
    return sources.setPaused(id, true);
  }

  @POST
  @Path("/{id}/resume")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Poll a paused source again, from its cursor")
  public SourceView resume(@PathParam("id") String id) {
    return sources.setPaused(id, false);
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Delete a source, its cursor and its secret")
  @APIResponse(responseCode = "204")
  public Response delete(@PathParam("id") String id) {
    sources.delete(id);
    return Response.noContent().build();
  }

  @POST
  @Path("/test")
  @RolesAllowed(Roles.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Fetch one page with a configuration", description = "Nothing is published or stored; the answer says whether "
      + "the platform answered and how many posts the page held.")
  public SourceTestResult test(SourceRequest request) {
    return sources.test(request);
  }
}
