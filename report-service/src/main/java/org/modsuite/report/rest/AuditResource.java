package org.modsuite.report.rest;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.modsuite.report.service.AuditService;
import org.modsuite.support.security.Roles;

/** The audit log, newest first: admins and compliance officers. */
@Path("/api/v1/audit")
@Tag(name = "audit")
@RolesAllowed({Roles.ADMIN, Roles.COMPLIANCE})
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  private final AuditService audit;

  public AuditResource(AuditService audit) {
    this.audit = audit;
  }

  @GET
  @Operation(summary = "Audit entries, newest first")
  public Uni<List<Map<String, Object>>> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size,
      @Parameter(description = "only entries about this target (a case, notice, decision or complaint id)") @QueryParam("target") String target) {
    return audit.page(page, size, target);
  }

  @GET
  @Path("/verify")
  @Operation(summary = "Recompute the hash chain of the whole audit log",
      description = "intact is false and firstBrokenId names the first row whose content or link no longer matches its hash")
  public Uni<AuditService.AuditVerification> verify() {
    return audit.verify();
  }
}
