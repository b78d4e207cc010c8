package org.modsuite.report.rest;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.modsuite.report.config.AuthConfig;
import org.modsuite.report.service.AuditService;
import org.modsuite.report.service.AuthService;
import org.modsuite.report.service.Secrets;
import org.modsuite.report.web.DashboardTexts;
import org.modsuite.report.web.Pages;

/**
 * The dashboard's form login: the access token in an HttpOnly, SameSite=Strict session cookie that ends with the
 * token (15 minutes by default); a double-submit CSRF token on every form; logout clears the session. The API
 * accepts the cookie as well as a bearer header.
 */
@Path("/")
@Tag(name = "dashboard")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class LoginPage {

  public static final String SESSION_COOKIE = "modsuite_session";
  static final String CSRF_COOKIE = "modsuite_csrf";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private final Template login;
  private final Template home;
  private final AuthService auth;
  private final AuditService audit;
  private final SecurityIdentity identity;
  private final CurrentIdentityAssociation identities;
  private final AuthConfig config;
  private final Pages pages;
  private final DashboardTexts texts;

  public LoginPage(@Location("login.html") Template login, @Location("home.html") Template home, AuthService auth, AuditService audit,
      SecurityIdentity identity, CurrentIdentityAssociation identities, AuthConfig config, Pages pages, DashboardTexts texts) {
    this.pages = pages;
    this.texts = texts;
    this.login = login;
    this.home = home;
    this.auth = auth;
    this.audit = audit;
    this.identity = identity;
    this.identities = identities;
    this.config = config;
  }

  @GET
  @Path("login")
  @Operation(summary = "Sign-in page")
  public Response loginPage(@Context HttpServerRequest request) {
    return page(200, null, null, pages.language(request));
  }

  @POST
  @Path("login")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "Sign in with the form; sets the session cookie")
  public Uni<Response> signIn(@FormParam("username") String username, @FormParam("password") String password, @FormParam("csrf") String csrf,
      @CookieParam(CSRF_COOKIE) String csrfCookie, @Context HttpServerRequest request) {
    String lang = pages.language(request);
    if (!Secrets.sameSecret(csrf, csrfCookie)) {
      return Uni.createFrom().item(page(400, "login_expired", username, lang));
    }
    if (username == null || username.isBlank() || password == null || password.isEmpty()) {
      return Uni.createFrom().item(page(400, "login_missing", username, lang));
    }
    String client = ClientAddress.of(request);
    return auth.passwordGrant(username, password, client).map(tokens -> tokens == null
        ? page(401, "login_invalid", username, lang)
        : Response.seeOther(URI.create("/")).cookie(cookie(SESSION_COOKIE, tokens.accessToken(), (int) tokens.expiresIn())).build());
  }

  @POST
  @Path("logout")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "Sign out; clears the session cookie")
  public Uni<Response> signOut(@FormParam("csrf") String csrf, @CookieParam(CSRF_COOKIE) String csrfCookie, @Context HttpServerRequest request) {
    if (!Secrets.sameSecret(csrf, csrfCookie)) {
      return Uni.createFrom().item(page(400, "login_expired", null, pages.language(request)));
    }
    Response cleared = Response.seeOther(URI.create("/login")).cookie(cookie(SESSION_COOKIE, "", 0), cookie(CSRF_COOKIE, "", 0)).build();
    return identities.getDeferredIdentity().chain(who -> who.isAnonymous() ? Uni.createFrom().item(cleared)
        : audit.recordNow(who.getPrincipal().getName(), "logout", null, "session ended", null).replaceWith(cleared));
  }

  @GET
  @Operation(summary = "Start page of a signed-in user; the sign-in page otherwise")
  public Response start(@Context HttpServerRequest request) { // not reactive: on a worker thread the lazily authenticated identity may be resolved
    if (identity.isAnonymous()) {
      return Response.seeOther(URI.create("/login")).build();
    }
    Instant expires = identity.getPrincipal() instanceof JsonWebToken jwt ? Instant.ofEpochSecond(jwt.getExpirationTime()) : Instant.now();
    return pages.html(home, pages.userOf(identity, request), java.util.Map.of("expires", TIME.format(expires)));
  }

  /** The sign-in form in the language of the request; errorKey names the error's text in the dashboard's bundle. */
  private Response page(int status, String errorKey, String username, String lang) {
    String csrf = Secrets.random(24);
    var t = texts.of(lang);
    return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Content-Language", lang)
        .entity(login.data("csrf", csrf).data("error", errorKey == null ? null : t.get(errorKey)).data("username", username).data("t", t)
            .data("lang", lang).render())
        .cookie(cookie(CSRF_COOKIE, csrf, -1)).build();
  }

  private NewCookie cookie(String name, String value, int maxAgeSeconds) {
    return new NewCookie.Builder(name).value(value).path("/").httpOnly(true).secure(config.secureCookies()).maxAge(maxAgeSeconds)
        .sameSite(NewCookie.SameSite.STRICT).build();
  }
}
