package org.modsuite.ingestion.rest;

import java.io.InputStream;
import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.modsuite.ingestion.service.ImportService;
import org.modsuite.support.rest.Problem;
import org.modsuite.support.rest.ProblemException;
import org.modsuite.support.security.Roles;

/**
 * Bulk imports: a JSONL or CSV upload of posts, read as a stream on a worker thread (an {@code InputStream} body of a
 * blocking method is not buffered whole), so its size is bounded only by {@code modsuite.ingestion.max-import-size}.
 */
@Path("/api/v1/imports")
@Tag(name = "imports")
@RolesAllowed({Roles.SERVICE, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

  public static final String JSONL = "application/x-ndjson";
  public static final String JSONL_ALT = "application/jsonl";
  public static final String CSV = "text/csv";

  private final ImportService imports;

  public ImportResource(ImportService imports) {
    this.imports = imports;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Import posts from a JSONL or CSV upload", description = "JSONL: one post object (as for POST /api/v1/posts) per "
      + "line. CSV: a header row naming the post fields (platform, sourceId, text, createdAt, ...), then one post per row. Good rows "
      + "are published, bad rows rejected with their line and reason. Answers when the upload is read and every published post is "
      + "acknowledged; GET /api/v1/imports shows a running import's progress.")
  @APIResponse(responseCode = "201", description = "Imported (status completed) or stopped (status failed, with the reason)",
      content = @Content(schema = @Schema(implementation = ImportView.class)))
  @APIResponse(responseCode = "415", description = "not application/x-ndjson, application/jsonl or text/csv",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Response upload(InputStream body, @jakarta.ws.rs.core.Context HttpHeaders headers) {
    // The type is checked here, after authentication, so that a caller without the role gets its 403 whatever it sends.
    MediaType type = headers.getMediaType();
    String format;
    if (type != null && type.isCompatible(MediaType.valueOf(CSV))) {
      format = "csv";
    } else if (type != null && (type.isCompatible(MediaType.valueOf(JSONL)) || type.isCompatible(MediaType.valueOf(JSONL_ALT)))) {
      format = "jsonl";
    } else {
      throw new ProblemException(Problem.of(415, "Unsupported Media Type", "send " + JSONL + ", " + JSONL_ALT + " or " + CSV));
    }
    ImportView result = imports.run(format, body);
    return Response.created(URI.create("/api/v1/imports/" + result.id())).entity(result).build();
  }

  @GET
  @Operation(summary = "The last 100 imports, newest first, running ones included")
  public List<ImportView> list() {
    return imports.list();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Progress of one import: rows read, published, rejected with line numbers and reasons")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImportView.class)))
  @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public ImportView get(@PathParam("id") String id) {
    return imports.get(id).orElseThrow(() -> ProblemException.notFound("no import " + id + " (the service keeps the last 100)"));
  }
}
