package org.modsuite.moderation.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.modsuite.moderation.service.EditPrecondition;
import org.modsuite.moderation.service.Policy;
import org.modsuite.moderation.service.PolicyRevision;
import org.modsuite.moderation.service.RuleManagement;
import org.modsuite.support.rest.Problem;
import org.modsuite.support.rest.StrictJson;
import org.modsuite.support.security.Roles;

/**
 * The decision policy (thresholds per category and language) and its versions; admins replace it at run time, naming
 * the version they edited in {@code If-Match} (its {@code ETag}).
 */
@Path("/api/v1/policy")
@Tag(name = "policy")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

  private final RuleManagement management;
  private final JsonWebToken token;

  public PolicyResource(RuleManagement management, JsonWebToken token) {
    this.management = management;
    this.token = token;
  }

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.MODERATOR, Roles.COMPLIANCE})
  @Operation(summary = "The current policy", description = "The JSON of policy/policy.json; PUT it back edited.")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Policy.class)),
      headers = @Header(name = HttpHeaders.ETAG, description = "The policy's version, for If-Match"))
  public RestResponse<Policy> current() {
    Policy policy = management.currentPolicy().policy();
    return RuleResource.tagged(policy, policy.version());
  }

  @PUT
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Replace the policy",
      description = "Validated like the policy file at start-up; its version is assigned (policy-<yyyy.MM.dd>-<content hash>).")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = VersionInfo.class)),
      headers = @Header(name = HttpHeaders.ETAG, description = "The new version of what was changed, for the next If-Match"))
  @APIResponse(responseCode = "400", description = "Malformed JSON or an unknown field; errors name it", content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "422", description = "Thresholds out of order, an unknown category, no defaults", content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "412", description = RuleResource.PRECONDITION_FAILED, content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "428", description = RuleResource.PRECONDITION_REQUIRED, content = @Content(mediaType = Problem.MEDIA_TYPE))
  public RestResponse<VersionInfo> replace(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @HeaderParam(RuleResource.IF_NONE_MATCH) String ifNoneMatch,
      @Schema(implementation = Policy.class) JsonNode body) throws JsonProcessingException {
    EditPrecondition precondition = EditPrecondition.of(ifMatch, ifNoneMatch);
    PolicyRevision revision = management.replacePolicy(StrictJson.read(body, Policy.class),
        token.getSubject() != null ? token.getSubject() : token.getName(), precondition);
    return RuleResource.tagged(VersionInfo.of(revision, revision.version()), revision.version());
  }

  @GET
  @Path("/versions")
  @RolesAllowed({Roles.ADMIN, Roles.MODERATOR, Roles.COMPLIANCE})
  @Operation(summary = "Every version of the policy: the one the service started with first, then oldest first")
  public List<VersionInfo> versions() {
    String current = management.currentPolicy().version();
    return management.policyVersions().stream().map(r -> VersionInfo.of(r, current)).toList();
  }

  @GET
  @Path("/versions/{version}")
  @RolesAllowed({Roles.ADMIN, Roles.MODERATOR, Roles.COMPLIANCE})
  @Operation(summary = "One version of the policy, with who changed it and when")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PolicyRevision.class)))
  public PolicyRevision version(@PathParam("version") String version) {
    return management.policyVersion(version);
  }
}
