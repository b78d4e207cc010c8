package org.modsuite.report.rest;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.modsuite.report.web.Pages;
import org.modsuite.support.rest.Problem;

/**
 * A write on the JSON API authorised by the dashboard's session cookie alone must carry the CSRF token of that
 * session in {@code X-CSRF-Token} (the double-submit check the dashboard's forms make with their {@code csrf} field):
 * SameSite and CORS should stop a forged cross-site request already; this holds without them. Calls with a bearer
 * token, which a browser never adds by itself, are not affected, nor is the token endpoint (it reads no cookie).
 */
public class SessionCsrfFilter {

  public static final String HEADER = "X-CSRF-Token";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @ServerRequestFilter
  public Response requireCsrfHeaderForCookieWrites(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (SAFE_METHODS.contains(request.getMethod()) || !path.startsWith("/api/") || path.startsWith("/api/v1/auth/token")
        || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
      return null;
    }
    Cookie session = request.getCookies().get(LoginPage.SESSION_COOKIE);
    if (session == null || session.getValue().isEmpty()) {
      return null;
    }
    Cookie csrf = request.getCookies().get(Pages.CSRF_COOKIE);
    if (csrf != null && org.modsuite.report.service.Secrets.sameSecret(request.getHeaderString(HEADER), csrf.getValue())) {
      return null;
    }
    Problem problem = new Problem("about:blank", "Forbidden", 403, "a write with the session cookie needs the " + Pages.CSRF_COOKIE
        + " cookie's value in the " + HEADER + " header", null, List.of(new Problem.FieldError(HEADER, "missing or not the session's CSRF token")));
    return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
  }
}
