package org.modsuite.ingestion.rest;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A source's use of its platform's daily quota (YouTube). */
@Schema(description = "Quota units spent today (the platform's day: Pacific Time for YouTube) and when they are reset")
public record QuotaView(LocalDate day, int unitsUsed, int dailyQuota, Instant resetsAt) {
}
