package org.modsuite.report.service;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An Art. 20 complaint against a decision, by the affected recipient or by the notifier. */
public record ComplaintRequest(
    UUID decisionId,
    @Schema(description = "the affected recipient's complaint token (from the statement of reasons) or the notifier's notice status token;"
        + " not needed when a platform's service account submits on the recipient's behalf") String token,
    @Schema(description = "why the decision is wrong, 10 to 5,000 characters") String text,
    String name,
    @Schema(description = "where to send the reasoned outcome") String email) {
}
