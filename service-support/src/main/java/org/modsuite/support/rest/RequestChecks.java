package org.modsuite.support.rest;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Checks every request's path and query parameters and form fields before a resource sees them: text PostgreSQL
 * cannot store and form fields beyond {@code modsuite.http.max-form-field-length} are a 400 naming the parameter,
 * and a body without a Content-Type sent to an operation that declares what it consumes is a 415 (Quarkus REST
 * would otherwise read it as the declared type).
 */
public class RequestChecks {

  private final int maxFormFieldLength;

  public RequestChecks(@ConfigProperty(name = "modsuite.http.max-form-field-length", defaultValue = "16384") int maxFormFieldLength) {
    this.maxFormFieldLength = maxFormFieldLength;
  }

  @ServerRequestFilter
  @WithFormRead
  public Response check(ResteasyReactiveContainerRequestContext context, ResourceInfo resource) {
    List<Problem.FieldError> errors = new ArrayList<>();
    parameters(context.getUriInfo().getPathParameters(), errors);
    parameters(context.getUriInfo().getQueryParameters(), errors);
    if (context.getServerRequestContext() instanceof ResteasyReactiveRequestContext request && request.getFormData() != null) {
      form(request.getFormData(), errors);
    }
    if (!errors.isEmpty()) {
      return respond(Problem.invalid(errors), context);
    }
    if (context.getHeaderString(HttpHeaders.CONTENT_TYPE) == null && hasBody(context) && consumes(resource)) {
      return respond(Problem.of(415, "Unsupported Media Type", "The request has a body but no Content-Type header."), context);
    }
    return null;
  }

  private static void parameters(Map<String, List<String>> parameters, List<Problem.FieldError> errors) {
    parameters.forEach((name, values) -> {
      if (!values.stream().allMatch(StorableText::isStorable)) {
        errors.add(new Problem.FieldError(StorableText.isStorable(name) ? name : "parameter name", StorableText.REASON));
      }
    });
  }

  private void form(FormData form, List<Problem.FieldError> errors) {
    for (String name : form) {
      for (FormValue value : form.get(name)) {
        if (value.isFileItem()) {
          continue;
        }
        String text = value.getValue();
        if (!StorableText.isStorable(name) || !StorableText.isStorable(text)) {
          errors.add(new Problem.FieldError(StorableText.isStorable(name) ? name : "form field name", StorableText.REASON));
          break;
        }
        if (text != null && text.length() > maxFormFieldLength) {
          errors.add(new Problem.FieldError(name, "must have at most " + maxFormFieldLength + " characters"));
          break;
        }
      }
    }
  }

  private static boolean hasBody(ResteasyReactiveContainerRequestContext context) {
    return context.getLength() > 0 || context.getHeaderString("Transfer-Encoding") != null;
  }

  private static boolean consumes(ResourceInfo resource) {
    if (resource == null || resource.getResourceMethod() == null) {
      return false;
    }
    for (Annotation annotation : resource.getResourceMethod().getAnnotations()) {
      if (annotation instanceof Consumes) {
        return true;
      }
    }
    return resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(Consumes.class);
  }

  private static Response respond(Problem problem, ResteasyReactiveContainerRequestContext context) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.at(context.getUriInfo().getPath())).build();
  }
}
