package org.modsuite.moderation.rest;

import java.time.Instant;

import org.modsuite.moderation.service.PolicyRevision;
import org.modsuite.moderation.service.RuleSetRevision;

/**
 * One version of a rule set or of the policy, without its content.
 *
 * @param changedBy the token subject of who wrote it, or {@code bundled}
 * @param current whether this replica runs it now
 */
public record VersionInfo(String version, String changedBy, Instant changedAt, boolean current) {

  static VersionInfo of(RuleSetRevision revision, String currentVersion) {
    return new VersionInfo(revision.version(), revision.changedBy(), revision.changedAt(), revision.version().equals(currentVersion));
  }

  static VersionInfo of(PolicyRevision revision, String currentVersion) {
    return new VersionInfo(revision.version(), revision.changedBy(), revision.changedAt(), revision.version().equals(currentVersion));
  }
}
