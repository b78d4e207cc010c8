package org.modsuite.moderation.rest;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.modsuite.moderation.service.RuleManagement;
import org.modsuite.moderation.service.RuleSetRevision;
import org.modsuite.moderation.service.ShadowRules;
import org.modsuite.moderation.service.rules.Rule;
import org.modsuite.moderation.service.rules.RuleSet;
import org.modsuite.support.rest.Problem;
import org.modsuite.support.security.Roles;

/**
 * The rule sets per language, their lexicons, rules and versions, and what shadow rules would do. Admins change them;
 * admins, moderators and compliance read them. Every change is validated (compiles, every rule passes its examples)
 * before it is stored and installed.
 */
@Path("/api/v1/rules")
@Tag(name = "rules")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RuleResource {

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
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RuleSet.class)))
  @APIResponse(responseCode = "404", description = "No rules for that language", content = @Content(mediaType = Problem.MEDIA_TYPE))
  public RuleSet current(@PathParam("lang") String lang) {
    return management.current(lang);
  }

  @PUT
  @Path("/{lang}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Replace a language's whole rule set",
      description = "Its version is assigned (rules-<lang>-<yyyy.MM.dd>-<content hash>); a version in the body is ignored.")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = VersionInfo.class)))
  @APIResponse(responseCode = "400", description = "Malformed JSON or a missing field; errors name it", content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(responseCode = "422", description = "A rule does not compile or fails its examples; errors name each rule",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public VersionInfo replace(@PathParam("lang") String lang, @Schema(implementation = RuleSet.class) JsonNode body) throws JsonProcessingException {
    management.current(lang); // 404 before reading the body
    return info(management.replaceRuleSet(lang, StrictJson.read(body, RuleSet.class), changedBy()));
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

  @PUT
  @Path("/{lang}/rules/{ruleId}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Add a rule, or replace the rule of that id", description = "The body is one rule; its id may be left out.")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = VersionInfo.class)))
  @APIResponse(responseCode = "422", description = "The rule does not compile or fails its examples", content = @Content(mediaType = Problem.MEDIA_TYPE))
  public VersionInfo putRule(@PathParam("lang") String lang, @PathParam("ruleId") String ruleId, @Schema(implementation = Rule.class) JsonNode body)
      throws JsonProcessingException {
    management.current(lang);
    return info(management.putRule(lang, ruleId, StrictJson.read(body, Rule.class), changedBy()));
  }

  @PUT
  @Path("/{lang}/rules/{ruleId}/state")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Make a rule active, or shadow (evaluated and reported, never changes a score)")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = VersionInfo.class)))
  public VersionInfo setState(@PathParam("lang") String lang, @PathParam("ruleId") String ruleId, @NotNull @Valid RuleStateChange body) {
    return info(management.setState(lang, ruleId, body.state(), changedBy()));
  }

  @PUT
  @Path("/{lang}/lexicons/{name}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Replace (or add) one lexicon's entries", description = "The body is a JSON array of entries (token regexes; phrases separated by spaces).")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = VersionInfo.class)))
  @APIResponse(responseCode = "422", description = "The lexicon does not compile, or a rule then fails its examples",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public VersionInfo putLexicon(@PathParam("lang") String lang, @PathParam("name") String name, @NotNull List<String> entries) {
    return info(management.putLexicon(lang, name, entries, changedBy()));
  }

  @GET
  @Path("/{lang}/shadow")
  @RolesAllowed({Roles.ADMIN, Roles.MODERATOR, Roles.COMPLIANCE})
  @Operation(summary = "What each shadow rule would do, on this replica",
      description = "Per shadow rule: posts evaluated since it became shadow, posts it matched, and decisions it would have changed had it been active.")
  public List<ShadowRules.Report> shadow(@PathParam("lang") String lang) {
    return shadow.report(management.current(lang));
  }

  private VersionInfo info(RuleSetRevision revision) {
    return VersionInfo.of(revision, revision.version());
  }

  private String changedBy() {
    return token.getSubject() != null ? token.getSubject() : token.getName();
  }
}
