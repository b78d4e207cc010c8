package org.modsuite.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A moderation decision to enforce on {@code moderation.actions}: takedowns, restrictions, restores. */
public record ActionEvent(
    UUID eventId,
    String eventType,
    int schemaVersion,
    Instant occurredAt,
    String postUid,
    ActionType action,
    String decisionId,
    String caseId,
    String ground,
    boolean automated,
    Instant decidedAt) {

  public static final String TYPE = "ActionEvent";
  public static final int SCHEMA_VERSION = 1;

  public ActionEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(postUid, "postUid");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(decidedAt, "decidedAt");
    if (!TYPE.equals(eventType)) {
      throw new IllegalArgumentException("eventType must be " + TYPE);
    }
  }
}
