package org.modsuite.report.rest;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.modsuite.report.export.ExportFormat;
import org.modsuite.report.export.TransparencyReport;
import org.modsuite.report.export.TransparencyReportWriter;
import org.modsuite.report.service.Actor;
import org.modsuite.report.service.AuditService;
import org.modsuite.report.service.Await;
import org.modsuite.report.service.ExportService;
import org.modsuite.report.service.TransparencyReportService;
import org.modsuite.support.rest.ProblemException;
import org.modsuite.support.security.Roles;

/** Exports for compliance officers, streamed, and the transparency report. Each download is audited. */
@Path("/api/v1")
@Tag(name = "exports")
@RolesAllowed({Roles.COMPLIANCE, Roles.ADMIN})
public class ExportResource {

  private final ExportService exports;
  private final TransparencyReportService reports;
  private final AuditService audit;
  private final SecurityIdentity identity;
  private final HttpServerRequest request;

  public ExportResource(ExportService exports, TransparencyReportService reports, AuditService audit, SecurityIdentity identity,
      HttpServerRequest request) {
    this.exports = exports;
    this.reports = reports;
    this.audit = audit;
    this.identity = identity;
    this.request = request;
  }

  @GET
  @Path("/exports/{kind}")
  @Blocking
  @Operation(summary = "Export statements, cases, notices, decisions, complaints or the audit log for a period, as CSV, JSON or XLSX",
      description = "Streamed from a database cursor. Statements: JSON in the Transparency Database batch format, CSV and XLSX in its data-dump"
          + " column order. No export contains notifiers' or complainants' contact data.")
  public Response export(@Parameter(description = "statements, cases, notices, decisions, complaints or audit") @PathParam("kind") String kind,
      @Parameter(description = "csv, json or xlsx") @QueryParam("format") @DefaultValue("csv") String format,
      @Parameter(description = "first day, YYYY-MM-DD (UTC)") @QueryParam("from") String from,
      @Parameter(description = "last day, YYYY-MM-DD (UTC)") @QueryParam("to") String to) {
    ExportService.Kind exportKind = parseKind(kind);
    ExportFormat exportFormat = ExportFormat.parse(format).orElseThrow(() -> ProblemException.invalid("format", "must be csv, json or xlsx"));
    DatePeriod period = DatePeriod.parse(from, to);
    String name = kind + "-" + period.from() + "-" + period.to();
    StreamingOutput body = out -> exports.export(exportKind, exportFormat, period.start(), period.end(), out);
    auditDownload("export." + kind, name + "." + exportFormat.extension());
    return Response.ok(body, exportFormat.mediaType()).header("Content-Disposition", "attachment; filename=\"" + exportFormat.fileName(name) + "\"")
        .build();
  }

  @GET
  @Path("/reports/transparency")
  @Blocking
  @Operation(summary = "The transparency report for a period (Art. 15 and 24, Implementing Regulation 2024/2835 sections)",
      description = "json, xlsx (one sheet per template section), csv (a ZIP of one CSV per section) or pdf (a readable summary with charts)")
  public Response transparencyReport(@QueryParam("format") @DefaultValue("json") String format, @QueryParam("from") String from,
      @QueryParam("to") String to) {
    DatePeriod period = DatePeriod.parse(from, to);
    String f = format.toLowerCase(Locale.ROOT);
    if (!List.of("json", "xlsx", "csv", "pdf").contains(f)) {
      throw ProblemException.invalid("format", "must be json, xlsx, csv or pdf");
    }
    TransparencyReport report = reports.report(period.from(), period.to());
    String name = "transparency-report-" + period.from() + "-" + period.to();
    TransparencyReportWriter writer = new TransparencyReportWriter();
    StreamingOutput body = out -> {
      switch (f) {
        case "xlsx" -> writer.writeXlsx(report, out);
        case "csv" -> writer.writeCsv(report, out);
        case "pdf" -> writer.writePdf(report, out);
        default -> writer.writeJson(report, out);
      }
    };
    String mediaType = switch (f) {
      case "xlsx" -> ExportFormat.XLSX.mediaType();
      case "csv" -> TransparencyReportWriter.ZIP_MEDIA_TYPE;
      case "pdf" -> TransparencyReportWriter.PDF_MEDIA_TYPE;
      default -> "application/json";
    };
    auditDownload("report.transparency", name + "." + f);
    return Response.ok(body, mediaType).header("Content-Disposition", "attachment; filename=\"" + name + "." + (f.equals("csv") ? "zip" : f) + "\"")
        .build();
  }

  private void auditDownload(String action, String file) {
    // The download itself streams after this returns; the audit entry records the request.
    Await.result(() -> Panache.withTransaction(() -> audit.change(Actor.of(identity, ClientAddress.of(request)), action, file, null, null, null)));
  }

  private static ExportService.Kind parseKind(String kind) {
    try {
      return ExportService.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("no export " + kind + "; there are statements, cases, notices, decisions, complaints and audit");
    }
  }
}
