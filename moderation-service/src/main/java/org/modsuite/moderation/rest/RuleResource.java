package org.modsuite.moderation.rest;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.modsuite.moderation.service.ContentVersions;
import org.modsuite.moderation.service.EditPrecondition;
import org.modsuite.moderation.service.RuleManagement;
import org.modsuite.moderation.service.RuleSetRevision;
import org.modsuite.moderation.service.ShadowRules;
import org.modsuite.moderation.service.rules.Rule;
import org.modsuite.moderation.service.rules.RuleSet;
import org.modsuite.support.rest.Problem;
import org.modsuite.support.rest.StrictJson;
import org.modsuite.support.security.Roles;

/**
 * The rule sets per language, their lexicons, rules and versions, and what shadow rules would do. Admins change them;
 * admins, moderators and compliance read them. Every change is validated (compiles, every rule passes its examples)
 * before it is stored and installed. Every GET of a rule set, rule or lexicon carries its version as {@code ETag};
 * every change needs {@code If-Match} with it (or {@code If-None-Match: *} to create a rule or lexicon): 428 without,
 * 412 naming the current version when someone changed it since.
 */
@Path("/api/v1/rules")
@Tag(name = "rules")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RuleResource {

  static final String IF_NONE_MATCH = "If-None-Match";
  static final String PRECONDITION_FAILED = "If-Match does not name the current version (or If-None-Match: * and it exists); the problem names the current "
      + "version, and ETag carries it";
  static final String PRECONDITION_REQUIRED = "Neither If-Match nor If-None-Match was sent";

  private final RuleManagement management;
  private final ShadowRules shadow;
  private final JsonWebToken token;

  public RuleResource(RuleManagement management, ShadowRules shadow, JsonWebToken token) {
    this.management = management;
    this.shadow = shadow;
    this.token = token;
  }

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.MODERATOR, Roles.COMPLIANCE})
  @Operation(summary = "Languages with rules and their current rule set version")
  public Map<String, String> languages() {
    return new java.util.TreeMap<>(management.languages());
  }

  @GET
  @Path("/{lang}")
  @RolesAllowed({Roles.ADMIN, Roles.MODERATOR, Roles.COMPLIANCE})
  @Operation(summary = "The current rule set of a language", description = "The JSON of rules/<lang>.json; PUT it back edited.")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RuleSet.class)),
      headers = @Header(name = HttpHeaders.ETAG, description = "The rule set's version, for If-Match"))
  @APIResponse(responseCode = "404", description = "No rules for that language", content = @Content(mediaType = Problem.MEDIA_TYPE))
  public RestResponse<RuleSet> current(@PathParam("lang") String lang) {
    RuleSet current = management.current(lang);
    return tagged(current, current.version());
  }

  @PUT
  @Path("/{lang}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Replace a language's whole rule set",
      description = "Its version is assigned (rules-<lang>-<yyyy.MM.dd>-<content hash>); a version in the body is ignored.")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = VersionInfo.class)),
      headers = @Header(name = HttpHeaders.ETAG, description = "The new version of what was changed, for the next If-Match"))
  @APIResponse(responseCode = "400", description = "Malformed JSON or a missing field; errors name it", content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "422", description = "A rule does not compile or fails its examples; errors name each rule",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "412", description = PRECONDITION_FAILED, content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "428", description = PRECONDITION_REQUIRED, content = @Content(mediaType = Problem.MEDIA_TYPE))
  public RestResponse<VersionInfo> replace(@PathParam("lang") String lang, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @HeaderParam(IF_NONE_MATCH) String ifNoneMatch, @Schema(implementation = RuleSet.class) JsonNode body) throws JsonProcessingException {
    management.current(lang); // 404 and 428 before reading the body
    EditPrecondition precondition = EditPrecondition.of(ifMatch, ifNoneMatch);
    RuleSetRevision revision = management.replaceRuleSet(lang, StrictJson.read(body, RuleSet.class), changedBy(), precondition);
    return tagged(info(revision), revision.version());
  }

  @GET
  @Path("/{lang}/versions")
  @RolesAllowed({Roles.ADMIN, Roles.MODERATOR, Roles.COMPLIANCE})
  @Operation(summary = "Every version of a language's rules, the shipped file first, then oldest first")
  public List<VersionInfo> versions(@PathParam("lang") String lang) {
    String current = management.current(lang).version();
    return management.versions(lang).stream().map(r -> VersionInfo.of(r, current)).toList();
  }

  @GET
  @Path("/{lang}/versions/{version}")
  @RolesAllowed({Roles.ADMIN, Roles.MODERATOR, Roles.COMPLIANCE})
  @Operation(summary = "One version of a language's rules, with who changed it and when")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RuleSetRevision.class)))
  public RuleSetRevision version(@PathParam("lang") String lang, @PathParam("version") String version) {
    return management.version(lang, version);
  }

  @GET
  @Path("/{lang}/rules/{ruleId}")
  @RolesAllowed({Roles.ADMIN, Roles.MODERATOR, Roles.COMPLIANCE})
  @Operation(summary = "One rule of a language's current set", description = "PUT it back edited, with its ETag in If-Match.")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Rule.class)),
      headers = @Header(name = HttpHeaders.ETAG, description = "The rule's version (content hash), for If-Match"))
  @APIResponse(responseCode = "404", description = "No such language or rule", content = @Content(mediaType = Problem.MEDIA_TYPE))
  public RestResponse<Rule> rule(@PathParam("lang") String lang, @PathParam("ruleId") String ruleId) {
    Rule rule = management.rule(lang, ruleId);
    return tagged(rule, ContentVersions.rule(rule));
  }

  @PUT
  @Path("/{lang}/rules/{ruleId}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Add a rule, or replace the rule of that id", description = "The body is one rule; its id may be left out.")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = VersionInfo.class)),
      headers = @Header(name = HttpHeaders.ETAG, description = "The new version of what was changed, for the next If-Match"))
  @APIResponse(responseCode = "422", description = "The rule does not compile or fails its examples", content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "412", description = PRECONDITION_FAILED, content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "428", description = PRECONDITION_REQUIRED, content = @Content(mediaType = Problem.MEDIA_TYPE))
  public RestResponse<VersionInfo> putRule(@PathParam("lang") String lang, @PathParam("ruleId") String ruleId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @HeaderParam(IF_NONE_MATCH) String ifNoneMatch,
      @Schema(implementation = Rule.class) JsonNode body) throws JsonProcessingException {
    management.current(lang);
    EditPrecondition precondition = EditPrecondition.of(ifMatch, ifNoneMatch);
    RuleSetRevision revision = management.putRule(lang, ruleId, StrictJson.read(body, Rule.class), changedBy(), precondition);
    return tagged(info(revision), ContentVersions.rule(ruleOf(revision, ruleId)));
  }

  @PUT
  @Path("/{lang}/rules/{ruleId}/state")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Make a rule active, or shadow (evaluated and reported, never changes a score)")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = VersionInfo.class)),
      headers = @Header(name = HttpHeaders.ETAG, description = "The new version of what was changed, for the next If-Match"))
  @APIResponse(responseCode = "412", description = PRECONDITION_FAILED, content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "428", description = PRECONDITION_REQUIRED, content = @Content(mediaType = Problem.MEDIA_TYPE))
  public RestResponse<VersionInfo> setState(@PathParam("lang") String lang, @PathParam("ruleId") String ruleId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @HeaderParam(IF_NONE_MATCH) String ifNoneMatch, @NotNull @Valid RuleStateChange body) {
    EditPrecondition precondition = EditPrecondition.of(ifMatch, ifNoneMatch);
    RuleSetRevision revision = management.setState(lang, ruleId, body.state(), changedBy(), precondition);
    return tagged(info(revision), ContentVersions.rule(ruleOf(revision, ruleId)));
  }

  @GET
  @Path("/{lang}/lexicons/{name}")
  @RolesAllowed({Roles.ADMIN, Roles.MODERATOR, Roles.COMPLIANCE})
  @Operation(summary = "One lexicon's entries", description = "PUT them back edited, with the ETag in If-Match.")
  @APIResponse(responseCode = "200", headers = @Header(name = HttpHeaders.ETAG, description = "The lexicon's version (content hash), for If-Match"))
  @APIResponse(responseCode = "404", description = "No such language or lexicon", content = @Content(mediaType = Problem.MEDIA_TYPE))
  public RestResponse<List<String>> lexicon(@PathParam("lang") String lang, @PathParam("name") String name) {
    List<String> entries = management.lexicon(lang, name);
    return tagged(entries, ContentVersions.lexicon(entries));
  }

  @PUT
  @Path("/{lang}/lexicons/{name}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Replace (or add) one lexicon's entries", description = "The body is a JSON array of entries (token regexes; phrases separated by spaces).")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = VersionInfo.class)),
      headers = @Header(name = HttpHeaders.ETAG, description = "The new version of what was changed, for the next If-Match"))
  @APIResponse(responseCode = "422", description = "The lexicon does not compile, or a rule then fails its examples",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "412", description = PRECONDITION_FAILED, content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "428", description = PRECONDITION_REQUIRED, content = @Content(mediaType = Problem.MEDIA_TYPE))
  public RestResponse<VersionInfo> putLexicon(@PathParam("lang") String lang, @PathParam("name") String name,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @HeaderParam(IF_NONE_MATCH) String ifNoneMatch, @NotNull List<String> entries) {
    EditPrecondition precondition = EditPrecondition.of(ifMatch, ifNoneMatch);
    RuleSetRevision revision = management.putLexicon(lang, name, entries, changedBy(), precondition);
    return tagged(info(revision), ContentVersions.lexicon(revision.ruleSet().lexicons().get(name)));
  }

  @GET
  @Path("/{lang}/shadow")
  @RolesAllowed({Roles.ADMIN, Roles.MODERATOR, Roles.COMPLIANCE})
  @Operation(summary = "What each shadow rule would do, summed over all replicas",
      description = "Per shadow rule in its present form: posts evaluated since it became shadow, posts it matched, and decisions it would have "
          + "changed had it been active; every replica's counts from moderation.shadow-counts, this replica's as they are now.")
  public List<ShadowRules.Report> shadow(@PathParam("lang") String lang) {
    return shadow.report(management.current(lang));
  }

  /** Answers {@code body} with {@code tag} as a strong {@code ETag}. */
  static <T> RestResponse<T> tagged(T body, String tag) {
    return RestResponse.ResponseBuilder.ok(body).header(HttpHeaders.ETAG, EditPrecondition.quoted(tag)).build();
  }

  private static Rule ruleOf(RuleSetRevision revision, String ruleId) {
    return revision.ruleSet().rules().stream().filter(r -> r.id().equals(ruleId)).findFirst().orElseThrow();
  }

  private VersionInfo info(RuleSetRevision revision) {
    return VersionInfo.of(revision, revision.version());
  }

  private String changedBy() {
    return token.getSubject() != null ? token.getSubject() : token.getName();
  }
}
