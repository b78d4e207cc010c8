package org.modsuite.report.client;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** ingestion-service's source API; base URL {@code quarkus.rest-client.ingestion.url} (= modsuite.dashboard.ingestion-url). */
@RegisterRestClient(configKey = "ingestion")
@Path("/api/v1/sources")
interface IngestionRestClient {

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  Uni<List<SourceStatus>> sources(@HeaderParam("Authorization") String authorization);
}
