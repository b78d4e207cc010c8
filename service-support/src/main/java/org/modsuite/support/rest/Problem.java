package org.modsuite.support.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}). {@code errors} names each invalid field of a
 * request, with a JSON-pointer-like path such as {@code posts[2].createdAt}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One invalid field and what is wrong with it. */
  public record FieldError(String field, String message) {
  }

  public static Problem of(int status, String title, String detail) {
    return new Problem("about:blank", title, status, detail, null, List.of());
  }

  public static Problem invalid(List<FieldError> errors) {
    String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
        : errors.size() + " fields are invalid: " + String.join(", ", errors.stream().map(FieldError::field).toList());
    return new Problem("https://modsuite.org/problems/invalid-request", "Invalid request", 400, detail, null, List.copyOf(errors));
  }

  public Problem at(String path) {
    return new Problem(type, title, status, detail, path, errors);
  }
}
