package org.modsuite.ingestion.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of fetching one page with a configuration, without publishing or storing anything. */
@Schema(description = "Result of POST /api/v1/sources/test")
public record SourceTestResult(
    @Schema(description = "Whether a page was read") boolean ok,
    @Schema(description = "Posts the page held") int posts,
    @Schema(description = "Items read but not posts (boosts, private, empty)") int skipped,
    @Schema(description = "postUid of up to 5 posts") List<String> sample,
    @Schema(description = "Why the fetch failed: rate_limited, transient, garbage or refused, and the message") String error) {
}
