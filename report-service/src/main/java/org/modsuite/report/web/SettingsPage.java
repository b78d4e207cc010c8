package org.modsuite.report.web;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The user's own settings, kept in cookies of this browser: the interface language and the wellbeing setting
 * (severe text hidden until revealed, on by default).
 */
@Path("/settings")
@Produces(MediaType.TEXT_HTML)
public class SettingsPage {

  /** A year: settings outlive sessions. */
  private static final int ONE_YEAR = 365 * 24 * 3600;

  private final Pages pages;
  private final HttpServerRequest request;
  private final Template template;

  public SettingsPage(Pages pages, HttpServerRequest request, @Location("settings.html") Template template) {
    this.pages = pages;
    this.request = request;
    this.template = template;
  }

  @GET
  public Uni<Response> page() {
    return pages.page(request, Pages.SIGNED_IN, user -> Uni.createFrom().item(pages.html(template, user, Map.of())));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<Response> save(@FormParam("csrf") String csrf, @FormParam("lang") String lang, @FormParam("blur") String blur) {
    return pages.page(request, Pages.SIGNED_IN, user -> {
      if (!pages.csrfValid(request, csrf)) {
        return Uni.createFrom().item(pages.csrfRefused(user));
      }
      String chosen = DashboardTexts.LANGUAGES.contains(lang) ? lang : user.lang();
      return Uni.createFrom().item(Response.seeOther(java.net.URI.create("/settings"))
          .cookie(pages.cookie(Pages.LANG_COOKIE, chosen, ONE_YEAR), pages.cookie(Pages.BLUR_COOKIE, blur != null ? "1" : "0", ONE_YEAR)).build());
    });
  }
}
