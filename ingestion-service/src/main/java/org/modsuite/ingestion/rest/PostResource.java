package org.modsuite.ingestion.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.modsuite.events.PostOp;
import org.modsuite.ingestion.config.IngestionConfig;
import org.modsuite.ingestion.service.PostIngestService;
import org.modsuite.support.rest.JsonPaths;
import org.modsuite.support.rest.Problem;
import org.modsuite.support.rest.ProblemException;
import org.modsuite.support.security.Roles;

/** Push one post or a batch. Every post of a batch is validated before any is published: a batch is all or nothing. */
@Path("/api/v1/posts")
@Tag(name = "posts")
@RolesAllowed({Roles.SERVICE, Roles.ADMIN})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PostResource {

  private final PostIngestService ingest;
  private final ObjectMapper mapper;
  private final Validator validator;
  private final IngestionConfig config;

  public PostResource(PostIngestService ingest, ObjectMapper mapper, Validator validator, IngestionConfig config) {
    this.ingest = ingest;
    this.mapper = mapper;
    this.validator = validator;
    this.config = config;
  }

  @POST
  @Operation(summary = "Push a post or a batch of posts", description = "A JSON object is one post, a JSON array a batch. Idempotent on postUid and "
      + "version: a post version already published is answered as duplicate and not sent again.")
  @RequestBody(content = @Content(schema = @Schema(oneOf = {PostRequest.class, PostRequest[].class})))
  @APIResponse(responseCode = "202", description = "Published to posts.ingested and acknowledged by Kafka",
      content = @Content(schema = @Schema(implementation = IngestResult.class)))
  @APIResponse(responseCode = "400", description = "A post is invalid; errors name each field",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "503", description = "Kafka did not acknowledge; send again",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> push(JsonNode body) {
    List<PostRequest> posts = parse(body);
    return ingest.ingest(posts).map(result -> Response.accepted(result).build())
        .onFailure(f -> !(f instanceof ProblemException)).transform(PostResource::unavailable);
  }

  /** Kafka did not acknowledge: some posts of a batch may be published; resending is safe, duplicates are dropped downstream. */
  private static ProblemException unavailable(Throwable cause) {
    Log.warnf("publishing to posts.ingested failed: %s", cause.getMessage());
    return new ProblemException(Problem.of(503, "Service Unavailable",
        "posts.ingested did not acknowledge the posts; send the request again (posts already published are not duplicated downstream)"));
  }

  private List<PostRequest> parse(JsonNode body) {
    if (body == null || !(body.isObject() || body.isArray())) {
      throw ProblemException.invalid("body", "must be a post object or an array of posts");
    }
    boolean batch = body.isArray();
    if (batch && (body.isEmpty() || body.size() > config.maxBatchSize())) {
      throw ProblemException.invalid("body", "a batch must hold 1 to " + config.maxBatchSize() + " posts");
    }
    List<JsonNode> nodes = new ArrayList<>();
    if (batch) {
      body.forEach(nodes::add);
    } else {
      nodes.add(body);
    }
    List<PostRequest> posts = new ArrayList<>();
    List<Problem.FieldError> errors = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      String prefix = batch ? "[" + i + "]." : "";
      try {
        PostRequest post = mapper.treeToValue(nodes.get(i), PostRequest.class);
        validator.validate(post).forEach(v -> errors.add(new Problem.FieldError(prefix + v.getPropertyPath(), v.getMessage())));
        if (post.text() != null && post.text().isBlank() && post.effectiveOp() != PostOp.DELETE) {
          errors.add(new Problem.FieldError(prefix + "text", "must not be blank"));
        }
        posts.add(post);
      } catch (JsonMappingException e) {
        errors.add(new Problem.FieldError(prefix + JsonPaths.of(e), JsonPaths.reason(e)));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        errors.add(new Problem.FieldError(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1), "is not a valid post"));
      }
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(Problem.FieldError::field));
      throw ProblemException.invalid(errors);
    }
    return posts;
  }
}
