package org.modsuite.moderation.messaging;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modsuite.events.ActionEvent;
import org.modsuite.events.EventJson;
import org.modsuite.moderation.config.ModerationConfig;
import org.modsuite.moderation.repository.BankRepository;
import org.modsuite.moderation.repository.FingerprintRepository;

/**
 * moderation.actions → the equivalent-content bank: a {@code remove} banks the removed post's fingerprints under its
 * decision, a {@code restore} deletes the entry again. Other actions (restrict, label, no_action) do not touch the
 * bank. A record is acknowledged once the bank's topic has the write; an invalid one goes to moderation.actions.dlq.
 */
@ApplicationScoped
public class ActionConsumer {

  private static final Duration FRESH = Duration.ofMinutes(1);

  private final BankRepository bank;
  private final FingerprintRepository fingerprints;
  private final ModerationConfig config;

  public ActionConsumer(BankRepository bank, FingerprintRepository fingerprints, ModerationConfig config) {
    this.bank = bank;
    this.fingerprints = fingerprints;
    this.config = config;
  }

  @Incoming("actions-in")
  @Blocking
  public void onAction(String json) throws InterruptedException {
    ActionEvent action = EventJson.read(json, ActionEvent.class);
    switch (action.action()) {
      case REMOVE -> fingerprints.find(action.postUid(), waitFor(action)).ifPresentOrElse(
          fingerprint -> {
            bank.store(action.postUid(), action.decisionId(), fingerprint);
            Log.infof("banked removed post %s under decision %s", action.postUid(), action.decisionId());
          },
          // Analysed before the fingerprints' time to live, or never analysed here: nothing to bank.
          () -> Log.infof("removal of %s (decision %s) not banked: no fingerprints of the post", action.postUid(), action.decisionId()));
      case RESTORE -> {
        bank.delete(action.postUid());
        Log.infof("restored post %s left the bank", action.postUid());
      }
      default -> Log.debugf("%s of %s does not change the bank", action.action().wireName(), action.postUid());
    }
  }

  /**
   * Only a fresh action waits for fingerprints still on their way from another replica: an old one (a backlog, or
   * the history read on first deployment) would otherwise cost the wait for every post analysed long ago.
   */
  private Duration waitFor(ActionEvent action) {
    return action.occurredAt().isAfter(Instant.now().minus(FRESH)) ? config.bank().fingerprintWait() : Duration.ZERO;
  }
}
