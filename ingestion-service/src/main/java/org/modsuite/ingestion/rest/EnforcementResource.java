package org.modsuite.ingestion.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.modsuite.ingestion.repository.EnforcementRecord;
import org.modsuite.ingestion.repository.EnforcementRepository;
import org.modsuite.support.security.Roles;

/** What became of moderation actions on the platforms: done, manual, failed or not applicable. */
@Path("/api/v1/enforcements")
@Tag(name = "enforcements")
@Produces(MediaType.APPLICATION_JSON)
public class EnforcementResource {

  private final EnforcementRepository enforcements;

  public EnforcementResource(EnforcementRepository enforcements) {
    this.enforcements = enforcements;
  }

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.MODERATOR, Roles.COMPLIANCE})
  @Operation(summary = "The last 100 enforcement outcomes, newest first, optionally of one post")
  public List<EnforcementRecord> list(@QueryParam("postUid") String postUid) {
    return enforcements.recent(postUid);
  }
}
