package org.modsuite.report.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import org.modsuite.report.dsa.SorSchema;
import org.modsuite.report.service.TrustedFlaggerRequest;
import org.modsuite.report.service.TrustedFlaggerService;
import org.modsuite.support.rest.ProblemException;
import org.modsuite.support.security.Roles;

/**
 * The admin adds and edits entries of the trusted-flagger register (Art. 22): name, coordinator, expertise
 * categories, contact, designation date, status. {@link TrustedFlaggerService} validates and audits; its field
 * errors come back next to the fields. The organisation (the users' org claim) is fixed once registered.
 */
@Path("/admin/flaggers")
@Produces(MediaType.TEXT_HTML)
public class FlaggerRegisterPage {

  private static final Set<String> ADMINS = Set.of(Roles.ADMIN);

  private final Pages pages;
  private final TrustedFlaggerService flaggers;
  private final QueuePage queue;
  private final HttpServerRequest request;
  private final Template template;

  public FlaggerRegisterPage(Pages pages, TrustedFlaggerService flaggers, QueuePage queue, HttpServerRequest request,
      @Location("flagger-edit.html") Template template) {
    this.pages = pages;
    this.flaggers = flaggers;
    this.queue = queue;
    this.request = request;
    this.template = template;
  }

  /** The form's values as typed (strings, so that a bad date comes back as typed). */
  public record Form(String organisation, String name, String coordinator, List<String> expertise, String contactEmail, String designatedAt,
      boolean active) {

    static Form of(TrustedFlaggerService.View v) {
      return new Form(v.organisation(), v.name(), v.coordinator(), v.expertise(), v.contactEmail() == null ? "" : v.contactEmail(),
          v.designatedAt() == null ? "" : v.designatedAt().toString(), v.active());
    }
  }

  @GET
  @Path("new")
  public Uni<Response> newEntry() {
    return pages.page(request, ADMINS, user -> Uni.createFrom().item(render(user, null,
        new Form("", "", "", List.of(), "", LocalDate.now().toString(), true), Map.of(), 200)));
  }

  @GET
  @Path("{id}")
  public Uni<Response> edit(@PathParam("id") UUID id) {
    return pages.page(request, ADMINS, user -> flaggers.find(id).map(v -> render(user, id, Form.of(v), Map.of(), 200)));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<Response> register(@FormParam("csrf") String csrf, @FormParam("organisation") String organisation, @FormParam("name") String name,
      @FormParam("coordinator") String coordinator, @FormParam("expertise") List<String> expertise, @FormParam("contactEmail") String contactEmail,
      @FormParam("designatedAt") String designatedAt, @FormParam("active") String active) {
    Form form = new Form(organisation, name, coordinator, expertise == null ? List.of() : expertise, contactEmail, designatedAt, active != null);
    return pages.page(request, ADMINS, user -> save(user, null, csrf, form));
  }

  @POST
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<Response> update(@PathParam("id") UUID id, @FormParam("csrf") String csrf, @FormParam("organisation") String organisation,
      @FormParam("name") String name, @FormParam("coordinator") String coordinator, @FormParam("expertise") List<String> expertise,
      @FormParam("contactEmail") String contactEmail, @FormParam("designatedAt") String designatedAt, @FormParam("active") String active) {
    Form form = new Form(organisation, name, coordinator, expertise == null ? List.of() : expertise, contactEmail, designatedAt, active != null);
    return pages.page(request, ADMINS, user -> save(user, id, csrf, form));
  }

  private Uni<Response> save(PageUser user, UUID id, String csrf, Form form) {
    if (!pages.csrfValid(request, csrf)) {
      return Uni.createFrom().item(pages.csrfRefused(user));
    }
    LocalDate designated;
    try {
      designated = QueuePage.blank(form.designatedAt()) == null ? null : LocalDate.parse(form.designatedAt().strip());
    } catch (DateTimeParseException e) {
      return Uni.createFrom().item(render(user, id, form, Map.of("designatedAt", "a date as YYYY-MM-DD"), 400));
    }
    TrustedFlaggerRequest entry = new TrustedFlaggerRequest(form.organisation(), form.name(), form.coordinator(), form.expertise(),
        QueuePage.blank(form.contactEmail()), designated, form.active());
    var saved = id == null ? flaggers.register(entry, queue.actorOf(user)) : flaggers.update(id, entry, queue.actorOf(user));
    return saved.map(v -> Pages.redirect("/admin?saved=" + v.organisation() + "#flaggers-heading"))
        .onFailure(ProblemException.class).recoverWithItem(e -> {
          var p = ((ProblemException) e).problem();
          Map<String, String> errors = new HashMap<>();
          if (p.errors() != null) {
            // expertise[2] → expertise: the message stands once under the group of checkboxes.
            p.errors().forEach(f -> errors.putIfAbsent(f.field().replaceAll("\\[\\d+]$", ""), f.message()));
          }
          if (errors.isEmpty()) {
            errors.put(p.status() == 409 ? "organisation" : "name", p.detail() == null ? p.title() : p.detail());
          }
          return render(user, id, form, errors, p.status());
        });
  }

  private Response render(PageUser user, UUID id, Form form, Map<String, String> errors, int status) {
    Map<String, Object> data = new HashMap<>();
    data.put("id", id);
    data.put("f", form);
    data.put("categories", CaseReviewPage.options(SorSchema.CATEGORIES, form.expertise(), null));
    data.put("errors", errors);
    return pages.html(status, template, user, data);
  }
}
