package org.modsuite.ingestion.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modsuite.events.ActionEvent;
import org.modsuite.events.EventJson;
import org.modsuite.ingestion.service.EnforcementService;

/**
 * Enforces moderation decisions from {@code moderation.actions} on the platforms, one at a time (platform calls and
 * JDBC block). An unreadable event or a failure to record goes to {@code moderation.actions.dlq}.
 */
@ApplicationScoped
public class ActionConsumer {

  private final EnforcementService enforcement;

  public ActionConsumer(EnforcementService enforcement) {
    this.enforcement = enforcement;
  }

  @Incoming("actions-in")
  @Blocking
  public void onAction(String json) {
    enforcement.enforce(EventJson.read(json, ActionEvent.class));
  }
}
