package org.modsuite.moderation.service;

import java.util.List;
import java.util.Map;

import org.modsuite.events.Decision;
import org.modsuite.events.Reason;

/**
 * The outcome of analysing one text: language, scores per category, decision, reasons and the versions that produced it.
 *
 * @param equivalentTo the removal decision whose content this text repeats exactly (then {@code decision} is remove)
 * @param fingerprint the text's fingerprints, remembered for a later removal action
 * @param explanation only when asked for, else null
 */
public record Analysis(String language, Map<String, Double> scores, Decision decision, List<Reason> reasons, String modelVersion,
    String rulesVersion, String policyVersion, long latencyMs, String equivalentTo, ContentFingerprint fingerprint, Explanation explanation) {
}
