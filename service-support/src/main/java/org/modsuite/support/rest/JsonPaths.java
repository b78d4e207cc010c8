package org.modsuite.support.rest;

import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

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

  /** The field of a mapping failure, including the path inside a JSON tree that held unstorable text. */
  public static String of(JsonMappingException e) {
    String field = of(e.getPath());
    if (e instanceof UnstorableTextException unstorable && !unstorable.inner().isEmpty()) {
      String inner = unstorable.inner();
      return "body".equals(field) ? inner : field + (inner.startsWith("[") ? "" : ".") + inner;
    }
    return field;
  }

  /** A short reason for a Jackson mapping failure, without echoing the client's value back into logs. */
  public static String reason(JsonMappingException e) {
    String message = e.getOriginalMessage();
    if (e instanceof UnstorableTextException) {
      return StorableText.REASON;
    }
    if (e instanceof UnrecognizedPropertyException) {
      return "is not a known field";
    }
    if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
      // A number or boolean refused for a string (no coercion) is a wrong type; a malformed string a wrong format.
      return invalid.getValue() instanceof String ? "has the wrong format for " + invalid.getTargetType().getSimpleName()
          : "must be " + describe(invalid.getTargetType());
    }
    if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
      return "must be " + describe(mismatched.getTargetType());
    }
    return message == null ? "is invalid" : message.split("\n")[0];
  }

  private static String describe(Class<?> type) {
    if (List.class.isAssignableFrom(type) || java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (type.isEnum()) {
      return "one of " + java.util.Arrays.toString(type.getEnumConstants());
    }
    if (type.getPackageName().startsWith("java.time")) {
      return "an ISO-8601 " + type.getSimpleName();
    }
    return "a " + type.getSimpleName() + " object";
  }
}
