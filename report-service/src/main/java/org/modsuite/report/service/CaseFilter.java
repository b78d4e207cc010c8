package org.modsuite.report.service;

/**
 * A selection of cases. state: queue (open and automatically actioned, the default), all, or one state; deadline:
 * breached or due_soon; the others match exactly when given.
 */
public record CaseFilter(String state, String category, String language, String source, Boolean trustedFlagger, String deadline) {

  public static final CaseFilter QUEUE = new CaseFilter(null, null, null, null, null, null);
}
