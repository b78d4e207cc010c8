package org.modsuite.support.rest;

import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Turns Jackson's reference chain into the field path a client sees, such as {@code [2].createdAt} or {@code items[0].text}. */
public final class JsonPaths {

  private JsonPaths() {
  }

  public static String of(List<JsonMappingException.Reference> path) {
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      if (ref.getFieldName() != null) {
        if (!field.isEmpty()) {
          field.append('.');
        }
        field.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        field.append('[').append(ref.getIndex()).append(']');
      }
    }
    return field.isEmpty() ? "body" : field.toString();
  }

  /** A short reason for a Jackson mapping failure, without echoing the client's value back into logs. */
  public static String reason(JsonMappingException e) {
    String message = e.getOriginalMessage();
    if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid) {
      return "has the wrong format for " + invalid.getTargetType().getSimpleName();
    }
    if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatched && mismatched.getTargetType() != null) {
      return "must be " + describe(mismatched.getTargetType());
    }
    return message == null ? "is invalid" : message.split("\n")[0];
  }

  private static String describe(Class<?> type) {
    if (List.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (type == String.class) {
      return "a string";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    return "a " + type.getSimpleName() + " object";
  }
}
