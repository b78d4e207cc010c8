package org.modsuite.ingestion.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.modsuite.ingestion.service.WebhookService;
import org.modsuite.support.rest.Problem;

/**
 * Signed pushes from partners and Mastodon admin webhooks. No bearer token: the sender proves itself with an HMAC
 * signature made with the webhook source's secret. The body is taken as raw bytes, which is what was signed.
 */
@Path("/api/v1/webhooks/{source}")
@Tag(name = "webhooks")
@PermitAll
public class WebhookResource {

  private final WebhookService webhooks;

  public WebhookResource(WebhookService webhooks) {
    this.webhooks = webhooks;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Receive a signed webhook delivery", description = "Standard Webhooks (webhook-id, webhook-timestamp, "
      + "webhook-signature v1) or WebSub (X-Hub-Signature: sha256=…). Answered 202 after Kafka acknowledged the post; a repeated "
      + "webhook-id is answered 202 without publishing again.")
  @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = IngestResult.class)))
  @APIResponse(responseCode = "401", description = "missing, stale or wrong signature",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "no webhook source of that id",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Response receive(@PathParam("source") String source, byte[] body, @HeaderParam("webhook-id") String id,
      @HeaderParam("webhook-timestamp") String timestamp, @HeaderParam("webhook-signature") String signature,
      @HeaderParam("X-Hub-Signature") String hubSignature) {
    return Response.accepted(webhooks.receive(source, body == null ? new byte[0] : body, id, timestamp, signature, hubSignature)).build();
  }
}
