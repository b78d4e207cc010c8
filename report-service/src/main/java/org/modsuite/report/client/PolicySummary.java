package org.modsuite.report.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The current policy as moderation-service's {@code GET /api/v1/policy} gives it (only the fields the dashboard shows). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PolicySummary(String version, String description) {
}
