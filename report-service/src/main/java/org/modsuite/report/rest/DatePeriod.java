package org.modsuite.report.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.modsuite.support.rest.Problem.FieldError;
import org.modsuite.support.rest.ProblemException;

/** A period of whole UTC days from the query parameters {@code from} and {@code to} (both inclusive, both required). */
public record DatePeriod(LocalDate from, LocalDate to) {

  /** Parses the two parameters, or answers 400 naming each that is missing, not a date, or out of order. */
  public static DatePeriod parse(String from, String to) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate start = date("from", from, errors);
    LocalDate end = date("to", to, errors);
    if (start != null && end != null && end.isBefore(start)) {
      errors.add(new FieldError("to", "must not be before from (" + start + ")"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return new DatePeriod(start, end);
  }

  public Instant start() {
    return from.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The first instant after the period. */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static LocalDate date(String field, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "is required, as YYYY-MM-DD"));
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "must be a date as YYYY-MM-DD"));
      return null;
    }
  }
}
