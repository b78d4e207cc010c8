package org.modsuite.report.client;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One version of a rule set or of the policy as moderation-service lists it ({@code GET /api/v1/rules/{lang}/versions},
 * {@code GET /api/v1/policy/versions}).
 *
 * @param changedBy the token subject of who wrote it, or {@code bundled} for the shipped file
 * @param current whether the replica that answered runs it now
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VersionInfo(String version, String changedBy, Instant changedAt, boolean current) {
}
