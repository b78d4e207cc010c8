package org.modsuite.report.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import org.modsuite.report.export.TransparencyReport;
import org.modsuite.report.repository.DashboardRepository;
import org.modsuite.report.repository.DeadlineRepository;
import org.modsuite.report.service.AuditService;
import org.modsuite.report.service.LegalClocks;
import org.modsuite.report.service.TransparencyReportService;
import org.modsuite.support.rest.ProblemException;
import org.modsuite.support.security.Roles;

/**
 * The compliance officer's page: legal clocks that need attention, statement-of-reasons submissions, export links
 * (the export API takes the session cookie), the transparency report of a period with charts, and the audit check.
 */
@Path("/compliance")
@Produces(MediaType.TEXT_HTML)
public class CompliancePage {

  static final List<String> EXPORT_KINDS = List.of("statements", "cases", "notices", "decisions", "complaints", "audit");

  private final Pages pages;
  private final DeadlineRepository deadlines;
  private final DashboardRepository dashboard;
  private final TransparencyReportService reports;
  private final AuditService audit;
  private final LegalClocks clocks;
  private final HttpServerRequest request;
  private final Template template;

  public CompliancePage(Pages pages, DeadlineRepository deadlines, DashboardRepository dashboard, TransparencyReportService reports,
      AuditService audit, LegalClocks clocks, HttpServerRequest request, @Location("compliance.html") Template template) {
    this.pages = pages;
    this.deadlines = deadlines;
    this.dashboard = dashboard;
    this.reports = reports;
    this.audit = audit;
    this.clocks = clocks;
    this.request = request;
    this.template = template;
  }

  /** One clock that needs attention. */
  public record ClockRow(String subject, UUID subjectId, String kind, String due, String met, String status, UUID caseId) {
  }

  /** Statements in one submission state, or one statement not yet accepted. */
  public record StatementRow(String key, String state, long count, long attempts, String since, String lastError) {
  }

  @GET
  public Uni<Response> page(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("verify") String verify) {
    return pages.page(request, Set.of(Roles.COMPLIANCE, Roles.ADMIN), user -> {
      LocalDate[] period = period(from, to);
      Instant now = Instant.now();
      Map<String, Object> data = new HashMap<>();
      data.put("from", period[0].toString());
      data.put("to", period[1].toString());
      data.put("exportKinds", EXPORT_KINDS);
      data.put("exportFormats", List.of("csv", "json", "xlsx"));
      data.put("reportFormats", List.of("pdf", "xlsx", "csv", "json"));
      Uni<Void> reads = Panache.withSession(() -> deadlines.attention(now, now.plus(clocks.nearBreach()), 200)).invoke(rows -> data.put("clocks",
              rows.stream().map(r -> {
                Instant due = instant(r[4]);
                Instant met = instant(r[5]);
                String status = met != null ? "met_late" : due.isBefore(now) ? "breached" : "due_soon";
                return new ClockRow((String) r[1], (UUID) r[2], (String) r[3], PageExtensions.utc(due), met == null ? "–" : PageExtensions.utc(met),
                    status, (UUID) r[6]);
              }).toList()))
          .chain(() -> dashboard.statementStates()).invoke(rows -> data.put("statementStates", rows.stream().map(r -> new StatementRow(null,
              (String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), r[3] == null ? "–" : PageExtensions.utc(instant(r[3])), null))
              .toList()))
          .chain(() -> dashboard.statementsNotSubmitted(50)).invoke(rows -> data.put("statementsOpen", rows.stream().map(r -> new StatementRow(
              (String) r[0], (String) r[1], 1, ((Number) r[2]).longValue(), PageExtensions.utc(instant(r[4])), (String) r[3])).toList()))
          .chain(() -> verify == null ? Uni.createFrom().nullItem() : audit.verify()).invoke(v -> data.put("audit", v))
          .replaceWithVoid();
      // The report reads over JDBC (blocking): computed on a worker thread after the reactive reads.
      return reads.chain(() -> Uni.createFrom().item(() -> reports.report(period[0], period[1])).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
          .map(report -> {
            data.put("report", summary(report));
            data.put("charts", charts(report));
            return pages.html(template, user, data);
          });
    });
  }

  /** The case-id box: opens the read-only case page, or says the id is not one. */
  @GET
  @Path("case")
  public Uni<Response> openCase(@QueryParam("id") String id) {
    return pages.page(request, Set.of(Roles.COMPLIANCE, Roles.ADMIN), user -> {
      try {
        return Uni.createFrom().item(Pages.redirect("/cases/" + UUID.fromString(id == null ? "" : id.strip())));
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalid("id", "a case id such as 3f2c6a4e-0d1b-4c8e-9a57-2b6f1e0c9d11");
      }
    });
  }

  private static LocalDate[] period(String from, String to) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    try {
      LocalDate start = QueuePage.blank(from) == null ? today.minusDays(30) : LocalDate.parse(from.strip());
      LocalDate end = QueuePage.blank(to) == null ? today : LocalDate.parse(to.strip());
      if (end.isBefore(start)) {
        throw ProblemException.invalid("to", "must not be before from");
      }
      return new LocalDate[] {start, end};
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid("from", "dates as YYYY-MM-DD");
    }
  }

  private static Map<String, Object> summary(TransparencyReport r) {
    Map<String, Object> s = new HashMap<>();
    TransparencyReport.NoticeRow total = r.notices().stream().filter(n -> TransparencyReport.TOTAL.equals(n.category())).findFirst().orElse(null);
    s.put("noticesReceived", total == null ? 0 : total.received());
    s.put("medianHours", total == null || total.medianHoursToAction() == null ? null : String.format(java.util.Locale.ROOT, "%.1f", total.medianHoursToAction()));
    s.put("accuracy", r.automatedMeans().accuracy() == null ? null : String.format(java.util.Locale.ROOT, "%.0f %%", r.automatedMeans().accuracy() * 100));
    s.put("complaints", r.complaints().submitted());
    return s;
  }

  private static List<BarChart> charts(TransparencyReport r) {
    List<String> cats = new ArrayList<>();
    List<Long> received = new ArrayList<>();
    long fromFlaggers = 0;
    long all = 0;
    for (TransparencyReport.NoticeRow n : r.notices()) {
      if (TransparencyReport.TOTAL.equals(n.category())) {
        all = n.received();
        fromFlaggers = n.receivedFromTrustedFlaggers();
      } else {
        cats.add(n.category().replace("STATEMENT_CATEGORY_", ""));
        received.add(n.received());
      }
    }
    long upheld = 0;
    long partly = 0;
    long reversed = 0;
    long omitted = 0;
    for (TransparencyReport.ComplaintRow c : r.complaints().byType()) {
      upheld += c.upheld();
      partly += c.partiallyReversed();
      reversed += c.reversed();
      omitted += c.omitted();
    }
    var automated = r.automatedMeans();
    return List.of(
        BarChart.of("chart-category", "chart_by_category", cats, received),
        BarChart.of("chart-source", "chart_by_source", List.of("Art. 16", "Trusted flaggers"), List.of(all - fromFlaggers, fromFlaggers)),
        BarChart.of("chart-automated", "chart_automated", List.of("automated", "human"),
            List.of(automated.measuresSolelyAutomated(), automated.measuresNotSolelyAutomated())),
        BarChart.of("chart-complaints", "chart_complaints", List.of("upheld", "partially reversed", "reversed", "omitted"),
            List.of(upheld, partly, reversed, omitted)));
  }

  private static Instant instant(Object o) {
    return o == null ? null : o instanceof OffsetDateTime t ? t.toInstant() : o instanceof java.time.LocalDateTime l ? l.toInstant(ZoneOffset.UTC) : (Instant) o;
  }
}
