package org.modsuite.report.web;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.modsuite.report.config.AuthConfig;
import org.modsuite.report.service.Secrets;
import org.modsuite.support.rest.ProblemException;

/**
 * What every dashboard page needs: who is signed in (from the session cookie, resolved lazily), the role check
 * (anonymous: to the sign-in page; wrong role: a 403 page), the language (the user's choice cookie, else
 * Accept-Language), the CSRF double-submit token (the LoginPage cookie, reused while it exists), and rendering into
 * the layout with the texts of that language.
 */
@ApplicationScoped
public class Pages {

  public static final String CSRF_COOKIE = "modsuite_csrf";
  public static final String LANG_COOKIE = "modsuite_lang";
  public static final String BLUR_COOKIE = "modsuite_blur";
  /** Anyone, signed in or not. */
  public static final Set<String> PUBLIC = null;
  /** Anyone signed in. */
  public static final Set<String> SIGNED_IN = Set.of();

  private final CurrentIdentityAssociation identities;
  private final DashboardTexts texts;
  private final AuthConfig config;
  private final Template message;

  public Pages(CurrentIdentityAssociation identities, DashboardTexts texts, AuthConfig config, @Location("message.html") Template message) {
    this.identities = identities;
    this.texts = texts;
    this.config = config;
    this.message = message;
  }

  /**
   * Runs {@code body} for a user holding one of {@code roles} ({@link #SIGNED_IN}: any user; {@link #PUBLIC}: anyone).
   * A {@link ProblemException} from a service becomes an HTML page with the problem's status.
   */
  public Uni<Response> page(HttpServerRequest request, Set<String> roles, Function<PageUser, Uni<Response>> body) {
    return identities.getDeferredIdentity().onFailure().recoverWithItem(() -> null).chain(who -> {
      boolean anonymous = who == null || who.isAnonymous();
      if (anonymous && roles != PUBLIC) {
        return Uni.createFrom().item(redirect("/login"));
      }
      PageUser user = userOf(anonymous ? null : who, request);
      if (roles != null && !roles.isEmpty() && roles.stream().noneMatch(user::has)) {
        return Uni.createFrom().item(message(user, 403, "forbidden_title", texts.of(user.lang()).get("forbidden_text")));
      }
      // Deferred: a ProblemException thrown while the body builds its Uni becomes the same page as one it fails with.
      return Uni.createFrom().deferred(() -> body.apply(user)).onFailure(ProblemException.class)
          .recoverWithItem(e -> problemPage(user, (ProblemException) e));
    });
  }

  /** The user of a request whose identity is already known (null: nobody signed in). */
  public PageUser userOf(SecurityIdentity who, HttpServerRequest request) {
    String csrf = cookie(request, CSRF_COOKIE);
    if (csrf == null || csrf.length() < 16) {
      csrf = Secrets.random(24);
    }
    boolean blur = !"0".equals(cookie(request, BLUR_COOKIE));
    String path = request.path();
    if (who == null || who.isAnonymous()) {
      return new PageUser(null, Set.of(), null, language(request), csrf, blur, path);
    }
    String organisation = who.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("org") : null;
    return new PageUser(who.getPrincipal().getName(), new HashSet<>(who.getRoles()), organisation, language(request), csrf, blur, path);
  }

  /** The chosen language: the cookie, else the first of en/de in Accept-Language, else English. */
  public String language(HttpServerRequest request) {
    String chosen = cookie(request, LANG_COOKIE);
    if (chosen != null && DashboardTexts.LANGUAGES.contains(chosen)) {
      return chosen;
    }
    String accept = request.getHeader("Accept-Language");
    if (accept != null) {
      try {
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(accept)) {
          String lang = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
          if (DashboardTexts.LANGUAGES.contains(lang)) {
            return lang;
          }
        }
      } catch (IllegalArgumentException e) {
        Log.debugf("unreadable Accept-Language header: %s", e.getMessage());
      }
    }
    return "en";
  }

  public Map<String, String> texts(PageUser user) {
    return texts.of(user.lang());
  }

  /** Renders a page template (which includes layout.html) with the user, the texts and the data. */
  public Response html(int status, Template template, PageUser user, Map<String, Object> data) {
    TemplateInstance instance = template.data("u", user).data("t", texts.of(user.lang()));
    data.forEach(instance::data);
    Response.ResponseBuilder response = Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(instance.render())
        .header("Content-Language", user.lang());
    return response.cookie(cookie(CSRF_COOKIE, user.csrf(), -1)).build();
  }

  public Response html(Template template, PageUser user, Map<String, Object> data) {
    return html(200, template, user, data);
  }

  /** A page with a title and one paragraph: errors, refusals. */
  public Response message(PageUser user, int status, String titleKey, String text) {
    Map<String, Object> data = new HashMap<>();
    data.put("titleKey", titleKey);
    data.put("text", text);
    return html(status, message, user, data);
  }

  public Response problemPage(PageUser user, ProblemException e) {
    int status = e.problem().status();
    String titleKey = status == 404 ? "not_found_title" : status == 403 ? "forbidden_title" : "error_title";
    return message(user, status, titleKey, e.problem().detail() == null ? e.problem().title() : e.problem().detail());
  }

  /** True if the form's CSRF token matches the cookie (the double-submit check). */
  public boolean csrfValid(HttpServerRequest request, String formToken) {
    return Secrets.sameSecret(formToken, cookie(request, CSRF_COOKIE));
  }

  public Response csrfRefused(PageUser user) {
    return message(user, 400, "error_title", texts.of(user.lang()).get("form_expired"));
  }

  public static Response redirect(String path) {
    return Response.seeOther(URI.create(path)).build();
  }

  public NewCookie cookie(String name, String value, int maxAgeSeconds) {
    return new NewCookie.Builder(name).value(value).path("/").httpOnly(true).secure(config.secureCookies()).maxAge(maxAgeSeconds)
        .sameSite(NewCookie.SameSite.STRICT).build();
  }

  static String cookie(HttpServerRequest request, String name) {
    Cookie c = request.getCookie(name);
    return c == null ? null : c.getValue();
  }
}
