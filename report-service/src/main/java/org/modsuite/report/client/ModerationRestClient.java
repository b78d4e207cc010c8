package org.modsuite.report.client;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** moderation-service's rule and policy reads; base URL {@code quarkus.rest-client.moderation.url} (= modsuite.dashboard.moderation-url). */
@RegisterRestClient(configKey = "moderation")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
interface ModerationRestClient {

  @GET
  @Path("/rules")
  Uni<Map<String, String>> rules(@HeaderParam("Authorization") String authorization);

  @GET
  @Path("/rules/{lang}/versions")
  Uni<List<VersionInfo>> ruleVersions(@HeaderParam("Authorization") String authorization, @PathParam("lang") String language);

  @GET
  @Path("/rules/{lang}/shadow")
  Uni<List<ShadowRuleStats>> shadow(@HeaderParam("Authorization") String authorization, @PathParam("lang") String language);

  @GET
  @Path("/policy")
  Uni<PolicySummary> policy(@HeaderParam("Authorization") String authorization);

  @GET
  @Path("/policy/versions")
  Uni<List<VersionInfo>> policyVersions(@HeaderParam("Authorization") String authorization);
}
