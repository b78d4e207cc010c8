package org.modsuite.report.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import org.modsuite.report.service.UserService;
import org.modsuite.support.rest.ProblemException;
import org.modsuite.support.security.Roles;

/**
 * The admin edits one user: roles, organisation, disabled. {@link UserService#update} audits the change and revokes
 * the user's refresh tokens. An admin cannot disable their own account or drop their own admin role here, so that the
 * dashboard cannot lock out the last person who could undo it.
 */
@Path("/admin/users/{id}")
@Produces(MediaType.TEXT_HTML)
public class UserEditPage {

  private static final Set<String> ADMINS = Set.of(Roles.ADMIN);

  private final Pages pages;
  private final UserService users;
  private final HttpServerRequest request;
  private final Template template;

  public UserEditPage(Pages pages, UserService users, HttpServerRequest request, @Location("user-edit.html") Template template) {
    this.pages = pages;
    this.users = users;
    this.request = request;
    this.template = template;
  }

  @GET
  public Uni<Response> page(@PathParam("id") UUID id) {
    return pages.page(request, ADMINS, user -> users.find(id).map(found -> render(user, found, found.roles(), found.organisation(), found.disabled(),
        Map.of(), 200)));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<Response> save(@PathParam("id") UUID id, @FormParam("csrf") String csrf, @FormParam("roles") List<String> roles,
      @FormParam("organisation") String organisation, @FormParam("disabled") String disabled) {
    return pages.page(request, ADMINS, user -> {
      if (!pages.csrfValid(request, csrf)) {
        return Uni.createFrom().item(pages.csrfRefused(user));
      }
      List<String> chosen = roles == null ? List.of() : roles.stream().filter(Roles.ALL::contains).distinct().toList();
      boolean disable = disabled != null;
      String org = QueuePage.blank(organisation);
      return users.find(id).chain(found -> {
        Map<String, String> errors = new HashMap<>();
        if (chosen.isEmpty()) {
          errors.put("roles", "choose at least one role");
        }
        if (found.username().equals(user.name())) {
          if (disable) {
            errors.put("disabled", "you cannot disable your own account");
          }
          if (!chosen.contains(Roles.ADMIN)) {
            errors.put("roles", "you cannot remove your own admin role");
          }
        }
        if (!errors.isEmpty()) {
          return Uni.createFrom().item(render(user, found, chosen, org, disable, errors, 400));
        }
        return users.update(id, chosen, org, disable, user.name())
            .map(changed -> Pages.redirect("/admin?changed=" + changed.username()))
            .onFailure(ProblemException.class).recoverWithItem(e -> {
              var p = ((ProblemException) e).problem();
              Map<String, String> serviceErrors = new HashMap<>();
              if (p.errors() != null) {
                p.errors().forEach(f -> serviceErrors.putIfAbsent(f.field(), f.message()));
              }
              serviceErrors.putIfAbsent("roles", p.detail() == null ? p.title() : p.detail());
              return render(user, found, chosen, org, disable, serviceErrors, p.status());
            });
      });
    });
  }

  private Response render(PageUser user, UserService.UserView edited, List<String> roles, String organisation, boolean disabled,
      Map<String, String> errors, int status) {
    Map<String, Object> data = new HashMap<>();
    data.put("edited", edited);
    data.put("roleOptions", Roles.ALL.stream().map(r -> new CaseReviewPage.Option(r, null, roles.contains(r))).toList());
    data.put("organisation", organisation == null ? "" : organisation);
    data.put("disabled", disabled);
    data.put("self", edited.username().equals(user.name()));
    data.put("errors", errors);
    return pages.html(status, template, user, data);
  }
}
