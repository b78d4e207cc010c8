package org.modsuite.support.rest;

import java.util.List;

/** Thrown by resources and services to answer with a problem details body. */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;
  private final transient java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

  public ProblemException(Problem problem) {
    super(problem.detail());
    this.problem = problem;
  }

  /** A response header to send with the problem, such as {@code Retry-After}. */
  public ProblemException withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public java.util.Map<String, String> headers() {
    return headers;
  }

  public static ProblemException invalid(List<Problem.FieldError> errors) {
    return new ProblemException(Problem.invalid(errors));
  }

  public static ProblemException invalid(String field, String message) {
    return invalid(List.of(new Problem.FieldError(field, message)));
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(Problem.of(404, "Not found", detail));
  }

  /** An illegal state transition (a case claimed by someone else, a decision already taken): 409 with the reason. */
  public static ProblemException conflict(String detail) {
    return new ProblemException(Problem.of(409, "Conflict", detail));
  }

  /** Understood but refused by a rule (a complaint after its window, a suspended notifier): 422 with the reason. */
  public static ProblemException unprocessable(String detail) {
    return new ProblemException(Problem.of(422, "Unprocessable request", detail));
  }

  public static ProblemException forbidden(String detail) {
    return new ProblemException(Problem.of(403, "Forbidden", detail));
  }

  public Problem problem() {
    return problem;
  }
}
