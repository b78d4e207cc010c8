package org.modsuite.report.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.modsuite.report.repository.DeadlineRepository;
import org.modsuite.report.service.LegalClocks;
import org.modsuite.support.security.Roles;

/** Legal clocks that need attention: breached (overdue, or met late) and near a breach. */
@Path("/api/v1/clocks")
@Tag(name = "legal clocks")
@RolesAllowed({Roles.COMPLIANCE, Roles.ADMIN, Roles.MODERATOR})
@Produces(MediaType.APPLICATION_JSON)
public class ClockResource {

  /** One duty: what it is about, its kind, when it was due and met, and its status (breached, met_late or due_soon). */
  public record ClockView(String subject, UUID subjectId, String kind, Instant dueAt, Instant metAt, String status) {
  }

  private final DeadlineRepository deadlines;
  private final LegalClocks clocks;

  public ClockResource(DeadlineRepository deadlines, LegalClocks clocks) {
    this.deadlines = deadlines;
    this.clocks = clocks;
  }

  @GET
  @WithSession
  @Operation(summary = "Breaches and near-breaches of the legal clocks, the earliest due first")
  public Uni<List<ClockView>> attention(@QueryParam("limit") @DefaultValue("200") @Min(1) @Max(5000) int limit) {
    Instant now = Instant.now();
    return deadlines.attention(now, now.plus(clocks.nearBreach()), limit).map(rows -> rows.stream().map(r -> {
      Instant due = ((OffsetDateTime) r[4]).toInstant();
      Instant met = r[5] == null ? null : ((OffsetDateTime) r[5]).toInstant();
      String status = met != null ? "met_late" : due.isBefore(now) ? "breached" : "due_soon";
      return new ClockView((String) r[1], (UUID) r[2], (String) r[3], due, met, status);
    }).toList());
  }
}
