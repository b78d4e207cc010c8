package org.modsuite.report.service;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.modsuite.report.StatementRecord;

/**
 * A statement of reasons and its submission to the Transparency Database. {@code nextAttemptAt} only while pending;
 * {@code tdbUuid} is null for a statement found already stored (then {@code lastError} says so); {@code statement} is
 * the stored JSON body, in the single view only.
 */
public record StatementView(String puid, UUID decisionId, String state, int attempts, Instant createdAt, Instant nextAttemptAt,
    Instant submittedAt, String tdbUuid, String lastError,
    @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
        description = "the statement as sent to the Transparency Database") @JsonRawValue String statement) {

  public static StatementView of(StatementRecord r, boolean withBody) {
    return new StatementView(r.puid, r.decisionId, r.state, r.attempts, r.createdAt, "pending".equals(r.state) ? r.nextAttemptAt : null,
        r.submittedAt, r.tdbUuid, r.lastError, withBody ? r.body : null);
  }
}
