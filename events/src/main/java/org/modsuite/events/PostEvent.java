package org.modsuite.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The canonical post on {@code posts.ingested}. {@code authorId} is already pseudonymised (keyed HMAC),
 * never a raw handle. {@code text} is plain text; it is empty for {@code delete}.
 */
public record PostEvent(
    UUID eventId,
    String eventType,
    int schemaVersion,
    Instant occurredAt,
    String postUid,
    String platform,
    String sourceId,
    String url,
    String authorId,
    String text,
    String language,
    Instant createdAt,
    Instant editedAt,
    String parentUid,
    String threadUid,
    String sourceName,
    PostOp op,
    Instant ingestedAt) {

  public static final String TYPE = "PostEvent";
  public static final int SCHEMA_VERSION = 1;

  public PostEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(postUid, "postUid");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(ingestedAt, "ingestedAt");
    if (!TYPE.equals(eventType)) {
      throw new IllegalArgumentException("eventType must be " + TYPE);
    }
    if (text == null) {
      text = "";
    }
  }

  /** The version of the post this event carries: its last edit, or its creation. */
  public long postVersion() {
    return (editedAt != null ? editedAt : createdAt).toEpochMilli();
  }
}
