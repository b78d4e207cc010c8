package org.modsuite.moderation.service;

import java.util.List;
import java.util.Map;

import org.modsuite.events.Decision;
import org.modsuite.events.Reason;

/** The outcome of analysing one text: language, scores per category, decision, reasons and the versions that produced it. */
public record Analysis(String language, Map<String, Double> scores, Decision decision, List<Reason> reasons, String modelVersion,
    String rulesVersion, String policyVersion, long latencyMs) {
}
