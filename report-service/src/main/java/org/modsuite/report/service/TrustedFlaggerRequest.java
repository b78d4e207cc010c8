package org.modsuite.report.service;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An entry of the trusted-flagger register. */
public record TrustedFlaggerRequest(
    @Schema(description = "matches the org claim of the organisation's users and API keys") String organisation,
    String name,
    @Schema(description = "the Digital Services Coordinator that awarded the status, e.g. Bundesnetzagentur") String coordinator,
    @Schema(description = "STATEMENT_CATEGORY_* keys of the designated area of expertise") List<String> expertise,
    String contactEmail,
    LocalDate designatedAt,
    Boolean active) {
}
