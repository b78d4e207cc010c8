package org.modsuite.report.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.modsuite.report.repository.DashboardRepository;
import org.modsuite.report.rest.ClientAddress;
import org.modsuite.report.service.Actor;
import org.modsuite.report.service.CaseFilter;
import org.modsuite.report.service.CaseService;
import org.modsuite.report.service.CaseView;
import org.modsuite.report.service.LegalClocks;
import org.modsuite.support.rest.ProblemException;
import org.modsuite.support.security.Roles;

/** The review queue: most urgent first, filters with counts, claim and release, and the next case with one key. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class QueuePage {

  static final Set<String> MODERATORS = Set.of(Roles.MODERATOR, Roles.ADMIN);
  static final int PAGE_SIZE = 50;
  private static final Set<String> SOURCES = Set.of("analysis", "notice", "trusted_flagger");
  private static final Set<String> DEADLINES = Set.of("breached", "due_soon");

  private final Pages pages;
  private final CaseService cases;
  private final DashboardRepository dashboard;
  private final LegalClocks clocks;
  private final HttpServerRequest request;
  private final Template queue;

  public QueuePage(Pages pages, CaseService cases, DashboardRepository dashboard, LegalClocks clocks, HttpServerRequest request,
      @Location("queue.html") Template queue) {
    this.pages = pages;
    this.cases = cases;
    this.dashboard = dashboard;
    this.clocks = clocks;
    this.request = request;
    this.queue = queue;
  }

  /** The filters as the form sends them; blank means any. */
  public record Filters(String category, String language, String source, String trustedFlagger, String deadline) {

    CaseFilter toCaseFilter() {
      return new CaseFilter(null, blank(category), blank(language), blank(source), blank(trustedFlagger) == null ? null
          : Boolean.valueOf(trustedFlagger), blank(deadline));
    }

    /** The filters as a query string, for paging links and the next-case form. */
    public String query() {
      StringBuilder q = new StringBuilder();
      append(q, "category", category);
      append(q, "language", language);
      append(q, "source", source);
      append(q, "trustedFlagger", trustedFlagger);
      append(q, "deadline", deadline);
      return q.toString();
    }

    private static void append(StringBuilder q, String name, String value) {
      if (blank(value) != null) {
        q.append('&').append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
      }
    }

    void validate() {
      if (blank(source) != null && !SOURCES.contains(source)) {
        throw ProblemException.invalid("source", "must be analysis, notice or trusted_flagger");
      }
      if (blank(deadline) != null && !DEADLINES.contains(deadline)) {
        throw ProblemException.invalid("deadline", "must be breached or due_soon");
      }
      if (blank(trustedFlagger) != null && !Set.of("true", "false").contains(trustedFlagger)) {
        throw ProblemException.invalid("trustedFlagger", "must be true or false");
      }
    }
  }

  /** One facet value with its count in the whole queue. */
  public record Facet(String value, long count) {
  }

  @GET
  @Path("queue")
  public Uni<Response> queue(@QueryParam("category") String category, @QueryParam("language") String language,
      @QueryParam("source") String source, @QueryParam("trustedFlagger") String trustedFlagger, @QueryParam("deadline") String deadline,
      @QueryParam("page") @DefaultValue("0") int page, @QueryParam("empty") String empty) {
    Filters filters = new Filters(category, language, source, trustedFlagger, deadline);
    return pages.page(request, MODERATORS, user -> {
      filters.validate();
      int pageNo = Math.max(0, page);
      Instant now = Instant.now();
      return cases.listCases(filters.toCaseFilter(), pageNo, PAGE_SIZE)
          .chain(list -> dashboard.queueFacets(now, now.plus(clocks.nearBreach())).chain(facets -> severeToday(user).map(severe -> {
            Map<String, Object> data = new HashMap<>();
            data.put("filters", filters);
            data.put("cases", list.items().stream().map(c -> new Row(c, user.name(), now)).toList());
            data.put("total", list.total());
            data.put("page", pageNo);
            data.put("hasPrevious", pageNo > 0);
            data.put("hasNext", (long) (pageNo + 1) * PAGE_SIZE < list.total());
            data.put("facets", facets(facets));
            data.put("severeToday", severe);
            data.put("empty", empty != null);
            return pages.html(queue, user, data);
          })));
    });
  }

  /** Claims the most urgent case that nobody else holds and opens it. */
  @POST
  @Path("queue/next")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<Response> next(@FormParam("csrf") String csrf, @FormParam("category") String category, @FormParam("language") String language,
      @FormParam("source") String source, @FormParam("trustedFlagger") String trustedFlagger, @FormParam("deadline") String deadline) {
    Filters filters = new Filters(category, language, source, trustedFlagger, deadline);
    return pages.page(request, MODERATORS, user -> {
      if (!pages.csrfValid(request, csrf)) {
        return Uni.createFrom().item(pages.csrfRefused(user));
      }
      filters.validate();
      Instant now = Instant.now();
      return cases.listCases(filters.toCaseFilter(), 0, PAGE_SIZE).chain(list -> {
        List<UUID> candidates = list.items().stream().filter(c -> c.claimedBy() == null || c.claimedBy().equals(user.name())
            || c.claimExpiresAt() == null || c.claimExpiresAt().isBefore(now)).map(CaseView::id).toList();
        return claimFirst(candidates, 0, actorOf(user), filters);
      });
    });
  }

  private Uni<Response> claimFirst(List<UUID> candidates, int i, Actor actor, Filters filters) {
    if (i >= candidates.size()) {
      return Uni.createFrom().item(Pages.redirect("/queue?empty=1" + filters.query()));
    }
    UUID id = candidates.get(i);
    // Another moderator may take the same case a moment earlier: then try the next one.
    return cases.claim(id, actor).map(c -> Pages.redirect("/cases/" + id))
        .onFailure(ProblemException.class).recoverWithUni(e -> claimFirst(candidates, i + 1, actor, filters));
  }

  /** The severe cases this moderator decided today (UTC), for the wellbeing counter. */
  Uni<Long> severeToday(PageUser user) {
    return dashboard.severeDecidedSince(user.name(), LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  Actor actorOf(PageUser user) {
    String role = user.has(Roles.ADMIN) ? Roles.ADMIN : user.has(Roles.MODERATOR) ? Roles.MODERATOR : "none";
    return new Actor(user.name(), role, ClientAddress.of(request));
  }

  private static Map<String, List<Facet>> facets(List<Object[]> rows) {
    Map<String, List<Facet>> facets = new LinkedHashMap<>();
    for (String f : List.of("category", "language", "source", "trustedFlagger", "deadline")) {
      facets.put(f, new ArrayList<>());
    }
    for (Object[] r : rows) {
      if (r[1] != null) {
        facets.get((String) r[0]).add(new Facet((String) r[1], ((Number) r[2]).longValue()));
      }
    }
    facets.values().forEach(l -> l.sort((a, b) -> Long.compare(b.count(), a.count())));
    return facets;
  }

  static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** One queue row with what the table shows. */
  public record Row(CaseView c, String shortId, String category, String deadline, boolean overdue, boolean claimedByMe, boolean claimedByOther) {

    Row(CaseView c, String me, Instant now) {
      this(c, c.id().toString().substring(0, 8), c.topCategory() != null ? c.topCategory()
          : c.dsaCategory() == null ? null : c.dsaCategory().replace("STATEMENT_CATEGORY_", ""), c.decisionDueAt() == null ? "–" : PageExtensions.utc(c.decisionDueAt()),
          c.decisionDueAt() != null && c.decisionDueAt().isBefore(now),
          me.equals(c.claimedBy()) && c.claimExpiresAt() != null && c.claimExpiresAt().isAfter(now),
          c.claimedBy() != null && !me.equals(c.claimedBy()) && c.claimExpiresAt() != null && c.claimExpiresAt().isAfter(now));
    }
  }
}
