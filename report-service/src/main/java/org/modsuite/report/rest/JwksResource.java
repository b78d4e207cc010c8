package org.modsuite.report.rest;

import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.modsuite.report.service.SigningKeys;

/** The public keys that verify ModSuite tokens; ingestion-service and moderation-service fetch them. */
@Path("/.well-known/jwks.json")
@Tag(name = "auth")
@PermitAll
public class JwksResource {

  private final SigningKeys keys;

  public JwksResource(SigningKeys keys) {
    this.keys = keys;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "JSON Web Key Set of the token signing keys")
  public Map<String, Object> jwks() {
    return keys.jwks();
  }
}
