package org.modsuite.report.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.modsuite.report.service.Actor;
import org.modsuite.report.service.CaseDetail;
import org.modsuite.report.service.NoticeReceipt;
import org.modsuite.report.service.NoticeRequest;
import org.modsuite.report.service.NoticeService;
import org.modsuite.report.service.NoticeStatus;
import org.modsuite.report.service.NoticeLimiter;
import org.modsuite.support.rest.Problem;
import org.modsuite.support.security.Roles;

/**
 * Art. 16 notices. Anyone may submit one without an account (rate-limited per client address); a trusted flagger's
 * token marks the notice as theirs. The notifier follows it with the secret status token of the receipt.
 */
@Path("/api/v1/notices")
@Tag(name = "notices")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource {

  private final NoticeService notices;
  private final SecurityIdentity identity;
  private final CurrentIdentityAssociation identities;
  private final HttpServerRequest request;
  private final NoticeLimiter limiter;

  public NoticeResource(NoticeService notices, SecurityIdentity identity, CurrentIdentityAssociation identities, HttpServerRequest request,
      NoticeLimiter limiter) {
    this.notices = notices;
    this.identity = identity;
    this.identities = identities;
    this.request = request;
    this.limiter = limiter;
  }

  @POST
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Submit a notice of illegal content (DSA Art. 16); no account needed",
      description = "Returns the receipt at once: the notice id and a status link with a secret token. Every missing element is named.")
  @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = NoticeReceipt.class)))
  @APIResponse(responseCode = "400", description = "missing or wrong elements, each named",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "422", description = "the notifier's notices are suspended (Art. 23(2))",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "429", description = "too many notices from this address; see Retry-After",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> submit(NoticeRequest notice) {
    String client = ClientAddress.of(request);
    // The form is public: the identity (a trusted flagger's token, or none) is resolved here, not before the call.
    return identities.getDeferredIdentity().chain(who -> {
      String organisation = who.hasRole(Roles.TRUSTED_FLAGGER) && who.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("org") : null;
      return limiter.admit(who, client).chain(() -> notices.submit(notice, Actor.of(who, client), organisation))
          .map(receipt -> Response.created(URI.create("/api/v1/notices/" + receipt.noticeId())).entity(receipt).build());
    });
  }

  @GET
  @Path("/{id}/status")
  @PermitAll
  @Operation(summary = "The notifier's view of a notice: state, decision, use of automated means, redress (Art. 16(5))")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = NoticeStatus.class)))
  @APIResponse(responseCode = "404", description = "no such notice, or a wrong token",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<NoticeStatus> status(@PathParam("id") UUID id, @Parameter(description = "the secret of the receipt") @QueryParam("token") String token) {
    return notices.status(id, token);
  }

  @GET
  @RolesAllowed({Roles.MODERATOR, Roles.ADMIN, Roles.COMPLIANCE, Roles.TRUSTED_FLAGGER})
  @Operation(summary = "Notices, newest first; a trusted flagger sees only its organisation's")
  public Uni<List<CaseDetail.NoticeSummary>> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
    boolean onlyOwn = !identity.hasRole(Roles.MODERATOR) && !identity.hasRole(Roles.ADMIN) && !identity.hasRole(Roles.COMPLIANCE);
    String organisation = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("org") : null;
    if (onlyOwn && organisation == null) {
      return Uni.createFrom().item(List.of());
    }
    return notices.page(onlyOwn ? organisation : null, page, size);
  }
}
