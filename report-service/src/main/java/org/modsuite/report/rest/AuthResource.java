package org.modsuite.report.rest;

import java.time.Duration;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.modsuite.report.config.AuthConfig;
import org.modsuite.report.service.AuthService;
import org.modsuite.report.service.RateLimiter;
import org.modsuite.report.service.TokenResponse;
import org.modsuite.support.rest.Problem;
import org.modsuite.support.rest.ProblemException;

/** The token endpoint: anonymous, rate-limited per client address and in total. */
@Path("/api/v1/auth/token")
@Tag(name = "auth")
@PermitAll
public class AuthResource {

  private final AuthService auth;
  private final RateLimiter limiter;

  public AuthResource(AuthService auth, AuthConfig config) {
    this.auth = auth;
    this.limiter = new RateLimiter(config.tokenRequestsPerClientPerMinute(), config.tokenRequestsPerMinute(), Duration.ofMinutes(1));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Get an access token", description = "grant_type=password (username, password; the default), refresh_token "
      + "(refresh_token; each is used once and replaced) or api_key (api_key: a machine client's long-lived key).")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TokenResponse.class)))
  @APIResponse(responseCode = "400", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "401", description = "Credentials not valid, or account locked or disabled",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "429", description = "Too many requests; see Retry-After",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<TokenResponse> token(@FormParam("grant_type") String grantType, @FormParam("username") String username,
      @FormParam("password") String password, @FormParam("refresh_token") String refreshToken, @FormParam("api_key") String apiKey,
      @Context HttpServerRequest request) {
    String client = ClientAddress.of(request);
    long retryAfter = limiter.retryAfterSeconds(client);
    if (retryAfter > 0) {
      throw new ProblemException(Problem.of(429, "Too Many Requests", "too many token requests; retry after " + retryAfter + " s"))
          .withHeader("Retry-After", Long.toString(retryAfter));
    }
    Uni<TokenResponse> issued = switch (grantType == null ? "password" : grantType) {
      case "password" -> auth.passwordGrant(required("username", username), required("password", password), client);
      case "refresh_token" -> auth.refreshGrant(required("refresh_token", refreshToken), client);
      case "api_key" -> auth.apiKeyGrant(required("api_key", apiKey), client);
      default -> throw ProblemException.invalid("grant_type", "must be password, refresh_token or api_key");
    };
    return issued.onItem().ifNull().failWith(() -> new ProblemException(
        Problem.of(401, "Unauthorized", "The credentials are not valid, or the account is locked or disabled.")));
  }

  private static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalid(field, "is required");
    }
    return value;
  }
}
