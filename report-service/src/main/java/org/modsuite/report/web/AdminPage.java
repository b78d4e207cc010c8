package org.modsuite.report.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import org.modsuite.report.repository.DashboardRepository;
import org.modsuite.report.service.TrustedFlaggerService;
import org.modsuite.report.service.UserService;
import org.modsuite.support.rest.ProblemException;
import org.modsuite.support.security.Roles;

/**
 * The administrator's page: users and roles (with a form for a new user, links to {@link UserEditPage}), the
 * trusted-flagger register (links to {@link FlaggerRegisterPage}), analyser versions.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminPage {

  private static final Set<String> ADMINS = Set.of(Roles.ADMIN);
  private static final String USERNAME = "^[a-z0-9][a-z0-9._-]{2,63}$";

  private final Pages pages;
  private final UserService users;
  private final TrustedFlaggerService flaggers;
  private final DashboardRepository dashboard;
  private final HttpServerRequest request;
  private final Template template;

  public AdminPage(Pages pages, UserService users, TrustedFlaggerService flaggers, DashboardRepository dashboard, HttpServerRequest request,
      @Location("admin.html") Template template) {
    this.pages = pages;
    this.users = users;
    this.flaggers = flaggers;
    this.dashboard = dashboard;
    this.request = request;
    this.template = template;
  }

  /** One combination of analyser versions and how often it was seen. */
  public record VersionRow(String model, String rules, String policy, long analyses, String lastSeen) {
  }

  /** changed: the user just edited; saved: the register entry just saved (shown only when they look like one). */
  @GET
  public Uni<Response> page(@QueryParam("changed") String changed, @QueryParam("saved") String saved) {
    Map<String, Object> done = new HashMap<>();
    if (changed != null && changed.matches(USERNAME)) {
      done.put("changed", changed);
    }
    if (saved != null && saved.matches("[A-Za-z0-9._-]{2,100}")) {
      done.put("saved", saved);
    }
    return pages.page(request, ADMINS, user -> render(user, done, Map.of(), null, 200));
  }

  @POST
  @Path("users")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<Response> createUser(@FormParam("csrf") String csrf, @FormParam("username") String username, @FormParam("password") String password,
      @FormParam("roles") List<String> roles, @FormParam("organisation") String organisation) {
    return pages.page(request, ADMINS, user -> {
      if (!pages.csrfValid(request, csrf)) {
        return Uni.createFrom().item(pages.csrfRefused(user));
      }
      Map<String, Object> values = new HashMap<>();
      values.put("username", username);
      values.put("organisation", organisation);
      Map<String, String> errors = new HashMap<>();
      if (username == null || !username.matches(USERNAME)) {
        errors.put("username", "3 to 64 of a-z, 0-9, dot, dash, underscore; starting with a letter or digit");
      }
      if (password == null || password.length() < 12 || password.length() > 200) {
        errors.put("password", "12 to 200 characters");
      }
      List<String> chosen = roles == null ? List.of() : roles.stream().filter(Roles.ALL::contains).toList();
      if (chosen.isEmpty()) {
        errors.put("roles", "choose at least one role");
      }
      if (!errors.isEmpty()) {
        return render(user, values, errors, null, 400);
      }
      return users.create(username, password, chosen, QueuePage.blank(organisation), user.name())
          .chain(created -> render(user, Map.of(), Map.of(), created.username(), 200))
          .onFailure(ProblemException.class).recoverWithUni(e -> {
            Map<String, String> serviceErrors = new HashMap<>();
            var p = ((ProblemException) e).problem();
            if (p.errors() != null) {
              p.errors().forEach(f -> serviceErrors.putIfAbsent(f.field(), f.message()));
            }
            serviceErrors.putIfAbsent("username", p.detail() == null ? p.title() : p.detail());
            return render(user, values, serviceErrors, null, p.status());
          });
    });
  }

  private Uni<Response> render(PageUser user, Map<String, Object> values, Map<String, String> errors, String created, int status) {
    return users.list().chain(userList -> flaggers.list().chain(flaggerList -> dashboard.analyserVersions().map(versions -> {
      Map<String, Object> data = new HashMap<>();
      data.put("users", userList);
      data.put("flaggers", flaggerList);
      // "Illegal or harmful speech" rather than the key: the register table stays within the page.
      Map<java.util.UUID, String> expertise = new HashMap<>();
      flaggerList.forEach(f -> expertise.put(f.id(), String.join(", ",
          f.expertise().stream().map(e -> new CaseReviewPage.Option(e, null, false).label()).toList())));
      data.put("expertise", expertise);
      data.put("versions", versions.stream().map(r -> new VersionRow((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
          r[4] == null ? "–" : PageExtensions.utc(r[4] instanceof OffsetDateTime t ? t.toInstant() : (Instant) r[4]))).toList());
      data.put("roles", Roles.ALL);
      data.put("v", values);
      data.put("errors", errors);
      data.put("created", created);
      return pages.html(status, template, user, data);
    })));
  }
}
