package org.modsuite.report.client;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One shadow rule as moderation-service's {@code GET /api/v1/rules/{lang}/shadow} counts it, summed over its
 * replicas: posts of the language analysed since {@code since}, posts it matched, and policy decisions it would have
 * changed had it been active.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ShadowRuleStats(String ruleId, String description, Instant since, long evaluated, long matched, long wouldChange) {
}
