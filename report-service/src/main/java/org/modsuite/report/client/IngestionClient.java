package org.modsuite.report.client;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.modsuite.support.security.Roles;

/**
 * Reads ingestion-service's sources with a token report-service signs for itself: role {@code service}, one minute,
 * verified there through report-service's JWKS like every other token. The call gives up after
 * {@code modsuite.dashboard.ingestion-timeout}, so a hanging ingestion-service cannot hold the page.
 */
@ApplicationScoped
public class IngestionClient {

  private final IngestionRestClient client;
  private final SelfIssuedBearer bearer;
  private final String baseUrl;
  private final Duration timeout;

  public IngestionClient(@RestClient IngestionRestClient client, SelfIssuedBearer bearer,
      @ConfigProperty(name = "modsuite.dashboard.ingestion-url") String baseUrl,
      @ConfigProperty(name = "modsuite.dashboard.ingestion-timeout", defaultValue = "5s") Duration timeout) {
    this.client = client;
    this.bearer = bearer;
    this.baseUrl = baseUrl;
    this.timeout = timeout;
  }

  /** Every configured source with its state; fails when ingestion-service is unreachable, slow or answers an error. */
  public Uni<List<SourceStatus>> sources() {
    return client.sources(bearer.header(Roles.SERVICE)).ifNoItem().after(timeout).fail();
  }

  /** Where ingestion-service is expected, for the page that says it cannot be reached. */
  public String baseUrl() {
    return baseUrl;
  }
}
