package org.modsuite.support.rest;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A unique constraint violated by a request (SQLSTATE 23505) is a 409, however the check-then-insert race was lost:
 * two concurrent creates of one user name, one organisation, one PUID. The answer names the constraint and, when
 * PostgreSQL says which, the fields ({@code Key (username)=…}); it never echoes the value.
 */
final class UniqueViolations {

  private static final String UNIQUE_VIOLATION = "23505";
  private static final Pattern CONSTRAINT = Pattern.compile("unique constraint \"([^\"]+)\"");
  private static final Pattern KEY = Pattern.compile("Key \\(([^)]+)\\)=");
  private static final Pattern TABLE = Pattern.compile("(?i)insert into \"?([a-z0-9_]+)\"?");

  private UniqueViolations() {
  }

  /** The 409 for a unique violation somewhere in the cause chain, or null when there is none. */
  static Problem conflict(Throwable failure) {
    boolean unique = false;
    List<String> texts = new ArrayList<>();
    for (Throwable t = failure; t != null && texts.size() < 20; t = t.getCause() == t ? null : t.getCause()) {
      unique |= UNIQUE_VIOLATION.equals(sqlState(t));
      texts.add(String.valueOf(t.getMessage()));
      texts.add(String.valueOf(call(t, "getDetail")));
    }
    if (!unique) {
      return null;
    }
    String constraint = null;
    Set<String> fields = new LinkedHashSet<>();
    for (String text : texts) {
      Matcher c = CONSTRAINT.matcher(text);
      if (constraint == null && c.find()) {
        constraint = c.group(1);
      }
      Matcher k = KEY.matcher(text);
      if (k.find()) {
        for (String field : k.group(1).split(",")) {
          fields.add(field.trim());
        }
      }
    }
    if (fields.isEmpty() && constraint != null) {
      fields.addAll(fromConstraintName(constraint, texts));
    }
    String detail = "A record with the same " + (fields.isEmpty() ? "unique value" : String.join(", ", fields)) + " exists"
        + (constraint == null ? "." : " (constraint " + constraint + ").");
    return new Problem("about:blank", "Conflict", 409, detail, null,
        fields.stream().map(f -> new Problem.FieldError(f, "is taken")).toList());
  }

  /**
   * Without PostgreSQL's detail (the reactive client drops it), the field from the default constraint name
   * {@code <table>_<column>_key} and the table of the failed insert: {@code app_user_username_key} → {@code username}.
   */
  private static List<String> fromConstraintName(String constraint, List<String> texts) {
    for (String text : texts) {
      Matcher table = TABLE.matcher(text);
      if (table.find() && constraint.startsWith(table.group(1) + "_") && constraint.endsWith("_key")) {
        String column = constraint.substring(table.group(1).length() + 1, constraint.length() - "_key".length());
        return column.isEmpty() ? List.of() : List.of(camelCase(column));
      }
    }
    return List.of();
  }

  private static String camelCase(String column) {
    StringBuilder field = new StringBuilder();
    boolean upper = false;
    for (char c : column.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        field.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return field.toString();
  }

  private static String sqlState(Throwable t) {
    if (t instanceof SQLException sql) {
      return sql.getSQLState();
    }
    // The reactive PostgreSQL client's PgException, without a compile-time dependency on it.
    Object state = call(t, "getSqlState");
    return state == null ? null : state.toString();
  }

  private static Object call(Throwable t, String getter) {
    try {
      Method method = t.getClass().getMethod(getter);
      return method.invoke(t);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
