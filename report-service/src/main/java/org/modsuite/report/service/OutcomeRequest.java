package org.modsuite.report.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The reasoned outcome of a complaint (Art. 20(4)-(5)). */
public record OutcomeRequest(
    @Schema(description = "upheld | partially_reversed | reversed | omitted") String outcome,
    @Schema(description = "the reasons the complainant is told, 10 to 2,000 characters") String reason,
    @Schema(description = "the new decision: required for partially_reversed, and for reversing a decision to take no action") DecisionRequest decision,
    @Schema(description = "the complaint was manifestly unfounded (counted for Art. 23(2))") Boolean manifestlyUnfounded) {
}
