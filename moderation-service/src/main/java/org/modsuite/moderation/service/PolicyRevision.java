package org.modsuite.moderation.service;

import java.time.Instant;

/**
 * One version of the policy, as kept in {@code moderation.rules}.
 *
 * @param changedBy the token subject of who wrote it; {@code bundled} for the policy the service started with
 * @param base content hash of the policy file the service started with (see {@link RuleSetRevision#base()})
 */
public record PolicyRevision(String version, String changedBy, Instant changedAt, String base, Policy policy) {
}
