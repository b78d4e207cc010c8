package org.modsuite.moderation.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.modsuite.moderation.service.Analysis;
import org.modsuite.moderation.service.AnalysisService;
import org.modsuite.support.rest.Problem;
import org.modsuite.support.security.Roles;

/** Synchronous analysis: the same code path as the posts.ingested consumer. */
@Path("/api/v1/analyses")
@Tag(name = "analyses")
@RolesAllowed({Roles.SERVICE, Roles.ADMIN, Roles.MODERATOR})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AnalysisResource {

  private final AnalysisService analysis;

  public AnalysisResource(AnalysisService analysis) {
    this.analysis = analysis;
  }

  @POST
  @Operation(summary = "Analyse 1 to 256 texts",
      description = "Scores per category, decision and reasons, with the model, rules and policy versions; equivalentTo when the text repeats removed content.")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AnalysisResponse.class)))
  @APIResponse(responseCode = "400", description = "Invalid request; errors name each field",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public AnalysisResponse analyse(@NotNull @Valid AnalysisRequest request,
      @Parameter(description = "Add every lexicon entry that fired, the classifier's top features, the scores before and after the policy, and bank matches")
      @QueryParam("explain") @DefaultValue("false") boolean explain) {
    return new AnalysisResponse(request.items().stream().map(item -> {
      Analysis a = analysis.analyse(item.text(), item.lang(), explain);
      return new AnalysisResponse.Result(item.id(), a.language(), a.decision(), a.scores(), a.reasons(), a.modelVersion(), a.rulesVersion(),
          a.policyVersion(), a.latencyMs(), a.equivalentTo(), warnings(item, a), a.explanation());
    }).toList());
  }

  private List<String> warnings(AnalysisRequest.Item item, Analysis a) {
    List<String> warnings = new ArrayList<>();
    if (a.language() == null) {
      warnings.add("language not identified: the term lists and models of all languages were applied");
    } else if (!analysis.supports(a.language())) {
      warnings.add("language " + a.language() + " has no model (en, de, fr, ar)" + (analysis.hasLexicon(a.language()) ? ", only a term list" : " and no term list")
          + ": the policy for unsupported languages decided (see the language.unsupported reason)");
    }
    if (a.language() != null && item.lang() == null) {
      warnings.add("language " + a.language() + " was identified, not given");
    }
    return warnings.isEmpty() ? null : warnings;
  }
}
