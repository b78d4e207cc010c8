package org.modsuite.report.web;

import java.util.HashMap;
import java.util.Locale;
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

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import org.modsuite.report.export.ExportFormat;
import org.modsuite.report.rest.ClientAddress;
import org.modsuite.report.rest.DatePeriod;
import org.modsuite.report.service.Actor;
import org.modsuite.report.service.AuditService;
import org.modsuite.report.service.ExportJobs;
import org.modsuite.report.service.ExportService;
import org.modsuite.support.rest.ProblemException;
import org.modsuite.support.security.Roles;

/**
 * Exports with progress for the compliance page: the form starts an {@link ExportJobs} job (audited like an API
 * download), the job's page shows rows written of rows counted and reloads itself every two seconds by a meta refresh
 * (no script) until the file is ready, then offers the download. A job is visible only to the user who started it.
 */
@Path("/compliance/exports")
@Produces(MediaType.TEXT_HTML)
public class ExportJobPages {

  private static final Set<String> OFFICERS = Set.of(Roles.COMPLIANCE, Roles.ADMIN);

  private final Pages pages;
  private final ExportJobs jobs;
  private final AuditService audit;
  private final HttpServerRequest request;
  private final Template template;

  public ExportJobPages(Pages pages, ExportJobs jobs, AuditService audit, HttpServerRequest request,
      @Location("export-job.html") Template template) {
    this.pages = pages;
    this.jobs = jobs;
    this.audit = audit;
    this.request = request;
    this.template = template;
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<Response> start(@FormParam("csrf") String csrf, @FormParam("kind") String kind, @FormParam("format") String format,
      @FormParam("from") String from, @FormParam("to") String to) {
    return pages.page(request, OFFICERS, user -> {
      if (!pages.csrfValid(request, csrf)) {
        return Uni.createFrom().item(pages.csrfRefused(user));
      }
      ExportService.Kind exportKind = kind(kind);
      ExportFormat exportFormat = ExportFormat.parse(format == null ? "" : format)
          .orElseThrow(() -> ProblemException.invalid("format", "must be csv, json or xlsx"));
      DatePeriod period = DatePeriod.parse(from, to);
      Actor actor = new Actor(user.name(), user.has(Roles.COMPLIANCE) ? Roles.COMPLIANCE : Roles.ADMIN, ClientAddress.of(request));
      String file = exportFormat.fileName(exportKind.name().toLowerCase(Locale.ROOT) + "-" + period.from() + "-" + period.to());
      // Audited before the job reads anything, as the API's downloads are.
      return Panache.withTransaction(() -> audit.change(actor, "export." + exportKind.name().toLowerCase(Locale.ROOT), file, "background export", null,
              null))
          .map(v -> jobs.start(user.name(), exportKind, exportFormat, period.from(), period.to()))
          .map(job -> Pages.redirect("/compliance/exports/" + job.id()));
    });
  }

  @GET
  @Path("{id}")
  public Uni<Response> progress(@PathParam("id") UUID id) {
    return pages.page(request, OFFICERS, user -> Uni.createFrom().item(() -> {
      ExportJobs.Job job = jobs.find(id, user.name()).orElseThrow(() -> ProblemException.notFound("no export job " + id));
      Map<String, Object> data = new HashMap<>();
      data.put("job", job);
      data.put("startedAt", PageExtensions.utc(job.startedAt()));
      return pages.html(template, user, data);
    }));
  }

  @GET
  @Path("{id}/file")
  @Produces(MediaType.WILDCARD)
  public Uni<Response> download(@PathParam("id") UUID id) {
    return pages.page(request, OFFICERS, user -> Uni.createFrom().item(() -> {
      ExportJobs.Job job = jobs.find(id, user.name()).orElseThrow(() -> ProblemException.notFound("no export job " + id));
      java.nio.file.Path file = job.file().orElseThrow(() -> ProblemException.notFound("the export " + id + " is not ready"));
      return Response.ok(file.toFile(), job.mediaType()).header("Content-Disposition", "attachment; filename=\"" + job.fileName() + "\"").build();
    }));
  }

  private static ExportService.Kind kind(String kind) {
    try {
      return ExportService.Kind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("kind", "must be one of statements, cases, notices, decisions, complaints, audit");
    }
  }
}
