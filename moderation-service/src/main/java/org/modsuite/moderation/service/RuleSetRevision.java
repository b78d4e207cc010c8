package org.modsuite.moderation.service;

import java.time.Instant;

import org.modsuite.moderation.service.rules.RuleSet;

/**
 * One version of a language's rule set, as kept in {@code moderation.rules}.
 *
 * @param version the rule set's version ({@code ruleSet.version()}), which analyses carry as {@code rulesVersion}
 * @param changedBy the token subject of who wrote it; {@code bundled} for the rule file the service ships
 * @param changedAt when it was written (for the bundled file: when this replica started)
 * @param base content hash of the bundled rule file it was edited from: a replica adopts a stored set only when it
 *     ships that same file, so that a release with new rule files is not hidden by edits of the old ones
 */
public record RuleSetRevision(String language, String version, String changedBy, Instant changedAt, String base, RuleSet ruleSet) {
}
