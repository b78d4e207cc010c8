package org.modsuite.report.service;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A moderator's decision on a case, with the DSA elements of Art. 17(3). */
public record DecisionRequest(
    @Schema(description = "remove | restrict | label | no_action") String action,
    @Schema(description = "DECISION_GROUND_ILLEGAL_CONTENT or DECISION_GROUND_INCOMPATIBLE_CONTENT; required unless no_action") String ground,
    @Schema(description = "the legal ground, required for illegal content, e.g. § 130 StGB (Volksverhetzung)") String legalGround,
    @Schema(description = "the contractual ground, required for content incompatible with the terms and conditions") String contractualGround,
    @Schema(description = "why the content is illegal or incompatible (or why no action), 10 to 2,000 characters; no personal data")
    String explanation,
    @Schema(description = "for a contractual decision: whether the content is also considered illegal") Boolean alsoIllegal,
    @Schema(description = "a STATEMENT_CATEGORY_* key; required unless no_action") String category,
    @Schema(description = "KEYWORD_* keys") List<String> keywords,
    @Schema(description = "DECISION_VISIBILITY_* keys; remove implies DECISION_VISIBILITY_CONTENT_REMOVED, label DECISION_VISIBILITY_CONTENT_LABELLED")
    List<String> visibility,
    @Schema(description = "required with DECISION_VISIBILITY_OTHER") String visibilityOther,
    @Schema(description = "a DECISION_MONETARY_* key") String monetary,
    @Schema(description = "required with DECISION_MONETARY_OTHER") String monetaryOther,
    @Schema(description = "a DECISION_PROVISION_* key") String provision,
    @Schema(description = "a DECISION_ACCOUNT_* key") String account,
    @Schema(description = "country codes where the restriction applies; empty means the whole EEA") List<String> territorialScope,
    @Schema(description = "last day of a temporary restriction; empty means indefinite") LocalDate endDate,
    @Schema(description = "with no_action: the notices on this item were manifestly unfounded (counted for Art. 23(2))")
    Boolean noticesManifestlyUnfounded) {
}
