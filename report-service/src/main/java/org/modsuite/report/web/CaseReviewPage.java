package org.modsuite.report.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import org.modsuite.report.dsa.SorSchema;
import org.modsuite.report.service.CaseDetail;
import org.modsuite.report.service.CaseService;
import org.modsuite.report.service.DecisionRequest;
import org.modsuite.report.service.DecisionService;
import org.modsuite.report.service.DecisionValidator;
import org.modsuite.support.rest.Problem.FieldError;
import org.modsuite.support.security.Roles;

/**
 * One case for the moderator (read-only for a compliance officer: no claim, no decision form): the post with the analysis' spans highlighted (severe text hidden until revealed
 * unless the user turned that off), scores, reasons, versions, notices, decisions, deadlines, history, and the
 * decision form, checked on the server with each error shown next to its field.
 */
@Path("/cases/{id}")
@Produces(MediaType.TEXT_HTML)
public class CaseReviewPage {

  /** Who may open a case: moderators and admins to work it, compliance officers to read it. */
  static final Set<String> READERS = Set.of(Roles.MODERATOR, Roles.ADMIN, Roles.COMPLIANCE);

  private final Pages pages;
  private final CaseService cases;
  private final DecisionService decisions;
  private final QueuePage queue;
  private final HttpServerRequest request;
  private final Template template;

  public CaseReviewPage(Pages pages, CaseService cases, DecisionService decisions, QueuePage queue, HttpServerRequest request,
      @Location("case.html") Template template) {
    this.pages = pages;
    this.cases = cases;
    this.decisions = decisions;
    this.queue = queue;
    this.request = request;
    this.template = template;
  }

  /** One choice of a select or checkbox group; labelKey names its text when it has one in the bundle. */
  public record Option(String value, String labelKey, boolean selected) {

    /** A DSA key for people: STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH becomes "Illegal or harmful speech". */
    public String label() {
      String words = value.replaceFirst("^(STATEMENT_CATEGORY|DECISION_VISIBILITY|DECISION_MONETARY|DECISION_PROVISION|DECISION_ACCOUNT)_", "")
          .replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
      return words.isEmpty() ? value : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
  }

  static List<Option> options(java.util.Collection<String> values, Object selected, String labelPrefix) {
    return values.stream().sorted().map(v -> new Option(v, labelPrefix == null ? null : labelPrefix + v,
        selected instanceof List<?> l ? l.contains(v) : v.equals(selected))).toList();
  }

  /** One score for the bars, highest first. */
  public record Score(String category, double value, String percent) {
  }

  @GET
  public Uni<Response> view(@PathParam("id") UUID id, @QueryParam("decided") String decided) {
    return pages.page(request, READERS, user -> render(user, id, Map.of(), Map.of(), decided != null, 200));
  }

  // Claim and release live here, not on QueuePage's "/": JAX-RS picks the class whose path matches most of the URL,
  // so /cases/{id}/claim on the root resource was never reached (404).
  @POST
  @Path("claim")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<Response> claim(@PathParam("id") UUID id, @FormParam("csrf") String csrf) {
    return pages.page(request, QueuePage.MODERATORS, user -> pages.csrfValid(request, csrf)
        ? cases.claim(id, queue.actorOf(user)).map(c -> Pages.redirect("/cases/" + id))
        : Uni.createFrom().item(pages.csrfRefused(user)));
  }

  @POST
  @Path("release")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<Response> release(@PathParam("id") UUID id, @FormParam("csrf") String csrf) {
    return pages.page(request, QueuePage.MODERATORS, user -> pages.csrfValid(request, csrf)
        ? cases.release(id, queue.actorOf(user)).map(v -> Pages.redirect("/queue"))
        : Uni.createFrom().item(pages.csrfRefused(user)));
  }

  @POST
  @Path("decision")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<Response> decide(@PathParam("id") UUID id, @FormParam("csrf") String csrf, @FormParam("action") String action,
      @FormParam("ground") String ground, @FormParam("legalGround") String legalGround, @FormParam("contractualGround") String contractualGround,
      @FormParam("category") String category, @FormParam("visibility") List<String> visibility, @FormParam("monetary") String monetary,
      @FormParam("provision") String provision, @FormParam("account") String account, @FormParam("territorialScope") String territorialScope,
      @FormParam("endDate") String endDate, @FormParam("explanation") String explanation) {
    Map<String, Object> form = new HashMap<>();
    form.put("action", action);
    form.put("ground", ground);
    form.put("legalGround", legalGround);
    form.put("contractualGround", contractualGround);
    form.put("category", category);
    form.put("visibility", visibility == null ? List.of() : visibility);
    form.put("monetary", monetary);
    form.put("provision", provision);
    form.put("account", account);
    form.put("territorialScope", territorialScope);
    form.put("endDate", endDate);
    form.put("explanation", explanation);
    return pages.page(request, QueuePage.MODERATORS, user -> {
      if (!pages.csrfValid(request, csrf)) {
        return Uni.createFrom().item(pages.csrfRefused(user));
      }
      Map<String, String> errors = new HashMap<>();
      LocalDate end = null;
      if (QueuePage.blank(endDate) != null) {
        try {
          end = LocalDate.parse(endDate.strip());
        } catch (DateTimeParseException e) {
          errors.put("endDate", "must be a date as YYYY-MM-DD");
        }
      }
      List<String> scope = QueuePage.blank(territorialScope) == null ? List.of()
          : Arrays.stream(territorialScope.split("[,\\s]+")).filter(s -> !s.isBlank()).map(s -> s.strip().toUpperCase(java.util.Locale.ROOT)).toList();
      List<String> vis = visibility == null ? List.of() : visibility.stream().filter(v -> !v.isBlank()).toList();
      DecisionRequest decision = new DecisionRequest(QueuePage.blank(action), QueuePage.blank(ground), QueuePage.blank(legalGround),
          QueuePage.blank(contractualGround), explanation, null, QueuePage.blank(category), List.of(), vis, null, QueuePage.blank(monetary), null,
          QueuePage.blank(provision), QueuePage.blank(account), scope, end, null);
      // The service checks again; checking here too lets every field error be shown at once, next to its field.
      for (FieldError e : DecisionValidator.validate(decision)) {
        errors.putIfAbsent(e.field().replaceAll("\\[\\d+]$", ""), e.message());
      }
      if (!errors.isEmpty()) {
        return render(user, id, form, errors, false, 400);
      }
      return decisions.decide(id, decision, queue.actorOf(user)).map(d -> Pages.redirect("/cases/" + id + "?decided=1"));
    });
  }

  private Uni<Response> render(PageUser user, UUID id, Map<String, Object> form, Map<String, String> errors, boolean decided, int status) {
    Instant now = Instant.now();
    return cases.detail(id).chain(detail -> queue.severeToday(user).map(severe -> {
      var c = detail.summary();
      Map<String, Object> data = new HashMap<>();
      data.put("c", c);
      data.put("shortId", c.id().toString().substring(0, 8));
      data.put("detail", detail);
      String text = detail.post() == null ? null : detail.post().text();
      data.put("pieces", HighlightedText.of(text, c.reasons()));
      data.put("hasText", text != null && !text.isEmpty());
      data.put("hideText", c.severe() && user.blurSevere());
      data.put("scores", c.scores() == null ? List.of() : c.scores().entrySet().stream()
          .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
          .map(e -> new Score(e.getKey(), e.getValue(), String.format(java.util.Locale.ROOT, "%.0f %%", e.getValue() * 100))).toList());
      boolean claimLive = c.claimedBy() != null && c.claimExpiresAt() != null && c.claimExpiresAt().isAfter(now);
      data.put("claimedByMe", claimLive && user.name().equals(c.claimedBy()));
      data.put("claimedByOther", claimLive && !user.name().equals(c.claimedBy()));
      // Compliance officers read the case; only moderators and admins see the claim and the decision form.
      data.put("decidable", user.moderator() && !"decided".equals(c.state()));
      data.put("readOnly", !user.moderator());
      data.put("form", form);
      data.put("errors", errors);
      data.put("decided", decided);
      data.put("severeToday", severe);
      data.put("actions", List.of("remove", "restrict", "label", "no_action").stream()
          .map(a -> new Option(a, "action_" + a, a.equals(form.get("action")))).toList());
      data.put("grounds", List.of(new Option("DECISION_GROUND_ILLEGAL_CONTENT", "ground_illegal", "DECISION_GROUND_ILLEGAL_CONTENT".equals(form.get("ground"))),
          new Option("DECISION_GROUND_INCOMPATIBLE_CONTENT", "ground_incompatible", "DECISION_GROUND_INCOMPATIBLE_CONTENT".equals(form.get("ground")))));
      data.put("categories", options(SorSchema.CATEGORIES, form.get("category"), null));
      data.put("visibilities", options(SorSchema.DECISION_VISIBILITY, form.get("visibility"), null));
      data.put("monetaries", options(SorSchema.DECISION_MONETARY, form.get("monetary"), null));
      data.put("provisions", options(SorSchema.DECISION_PROVISION, form.get("provision"), null));
      data.put("accounts", options(SorSchema.DECISION_ACCOUNT, form.get("account"), null));
      data.put("history", detail.history());
      return pages.html(status, template, user, data);
    }));
  }
}
