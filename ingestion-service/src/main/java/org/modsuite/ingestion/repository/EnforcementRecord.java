package org.modsuite.ingestion.repository;

import java.time.Instant;

/** One enforced (or manual, failed, not applicable) moderation action. */
public record EnforcementRecord(String decisionId, String postUid, String action, String outcome, String detail, String sourceId,
    Instant recordedAt) {
}
