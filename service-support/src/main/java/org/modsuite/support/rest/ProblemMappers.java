package org.modsuite.support.rest;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.modsuite.support.failure.Failures;

/** Every error of every service as RFC 9457 problem details; a 500 never carries internals to the client. */
public class ProblemMappers {

  /** What a 503 for an unavailable database asks the client to wait. */
  static final String RETRY_AFTER_SECONDS = "5";

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    Response.ResponseBuilder response = Response.fromResponse(respond(e.problem(), uri));
    e.headers().forEach(response::header);
    return response.build();
  }

  @ServerExceptionMapper
  public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
    List<Problem.FieldError> errors = e.getConstraintViolations().stream()
        .map(v -> new Problem.FieldError(field(v), v.getMessage()))
        .sorted(Comparator.comparing(Problem.FieldError::field))
        .toList();
    return respond(Problem.invalid(errors), uri);
  }

  @ServerExceptionMapper
  public Response unreadableJson(JsonParseException e, UriInfo uri) {
    String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    return respond(Problem.invalid(List.of(new Problem.FieldError("body", "is not valid JSON" + where))), uri);
  }

  @ServerExceptionMapper
  public Response unmappableJson(JsonMappingException e, UriInfo uri) {
    return respond(Problem.invalid(List.of(new Problem.FieldError(JsonPaths.of(e), JsonPaths.reason(e)))), uri);
  }

  /** Named apart from its superclass so that it wins over Quarkus REST's own mapper, which answers an empty 400. */
  @ServerExceptionMapper
  public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
    return unmappableJson(e, uri);
  }

  /** Any other JSON failure: nesting beyond {@link StrictJson#MAX_NESTING}, a number or string beyond Jackson's limits. */
  @ServerExceptionMapper
  public Response otherJson(JsonProcessingException e, UriInfo uri) {
    if (e instanceof JsonMappingException mapping) {
      return unmappableJson(mapping, uri);
    }
    String reason = !(e instanceof StreamConstraintsException) ? "is not valid JSON"
        : String.valueOf(e.getOriginalMessage()).contains("nesting depth") ? "nests deeper than " + StrictJson.MAX_NESTING + " levels"
        : "exceeds a JSON size limit";
    return respond(Problem.invalid(List.of(new Problem.FieldError("body", reason))), uri);
  }

  @ServerExceptionMapper
  public Response unauthenticated(io.quarkus.security.AuthenticationFailedException e, UriInfo uri) {
    return unauthorized(uri);
  }

  @ServerExceptionMapper
  public Response unauthorized(io.quarkus.security.UnauthorizedException e, UriInfo uri) {
    return unauthorized(uri);
  }

  @ServerExceptionMapper
  public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
    return respond(Problem.of(403, "Forbidden", "Your role does not allow this operation."), uri);
  }

  private static Response unauthorized(UriInfo uri) {
    return Response.fromResponse(respond(Problem.of(401, "Unauthorized", "A valid bearer token is required."), uri))
        .header("WWW-Authenticate", "Bearer").build();
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, UriInfo uri) {
    // Quarkus REST wraps a body it cannot read; name the body, or the field, as for a direct Jackson failure.
    if (e.getCause() instanceof JsonParseException parse) {
      return unreadableJson(parse, uri);
    }
    if (e.getCause() instanceof JsonProcessingException json) {
      return otherJson(json, uri);
    }
    Response.StatusType status = e.getResponse().getStatusInfo();
    if (status.getStatusCode() >= 500) {
      Log.errorf(e, "request to %s failed", uri.getPath());
    }
    return respond(Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage()), uri);
  }

  @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
  public Response unexpected(Exception e, UriInfo uri) {
    Problem conflict = UniqueViolations.conflict(e);
    if (conflict != null) {
      return respond(conflict, uri);
    }
    if (Failures.isTransient(e)) { // the database is away: the client may try again, nothing here is broken
      Log.warnf("request to %s failed, database unavailable: %s", uri.getPath(), e.getClass().getName());
      return Response.fromResponse(respond(Problem.of(503, "Service Unavailable", "The database is unavailable; try again later."), uri))
          .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }
    Log.errorf(e, "request to %s failed", uri.getPath());
    return respond(Problem.of(500, "Internal Server Error", "The request could not be completed; the error is logged."), uri);
  }

  private static Response respond(Problem problem, UriInfo uri) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.at(uri.getPath())).build();
  }

  /** The property path without the method and parameter names Hibernate Validator puts in front of it. */
  static String field(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString();
    String[] parts = path.split("\\.", 3);
    boolean methodParameter = parts.length >= 2 && violation.getExecutableParameters() != null;
    return methodParameter ? (parts.length == 3 ? parts[2] : parts[1]) : path;
  }
}
