package org.modsuite.report.dsa;

/**
 * One broken rule of a statement of reasons: the JSON field name ({@code statements[3].puid} in a batch) and what is
 * wrong. Messages never quote free text, so they may be logged.
 */
public record FieldViolation(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
