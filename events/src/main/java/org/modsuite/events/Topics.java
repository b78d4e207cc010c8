package org.modsuite.events;

import java.util.List;
import java.util.Map;

/** Kafka topic names of ARCHITECTURE.md, shared by producers, consumers, local-stack and deploy files. */
public final class Topics {

  public static final String POSTS_INGESTED = "posts.ingested";
  public static final String POSTS_ANALYSED = "posts.analysed";
  public static final String MODERATION_ACTIONS = "moderation.actions";
  /** moderation-service's equivalent-content bank: key postUid, value the removed text's fingerprints; a tombstone on restore. */
  public static final String MODERATION_BANK = "moderation.bank";
  /** moderation-service's fingerprints of recently analysed posts: key postUid, so that a removal action can be matched. */
  public static final String MODERATION_FINGERPRINTS = "moderation.fingerprints";
  /** moderation-service's rule sets and policies, every version (key {@code rules:<lang>@<version>}, {@code policy@<version>}) and the current one ({@code rules:<lang>}, {@code policy}). */
  public static final String MODERATION_RULES = "moderation.rules";
  /**
   * moderation-service's shadow rule counts: key {@code <replica>|<lang>|<rule id>|<rule version>}, value that replica's
   * cumulative counts for that rule version; every replica sums them.
   */
  public static final String MODERATION_SHADOW_COUNTS = "moderation.shadow-counts";

  /** The topics that carry events, in pipeline order. */
  public static final List<String> EVENT_TOPICS = List.of(POSTS_INGESTED, POSTS_ANALYSED, MODERATION_ACTIONS);

  /** Compacted state topics (the newest value per key; a null value deletes the key). They have no dead-letter topics. */
  public static final List<String> STATE_TOPICS = List.of(MODERATION_BANK, MODERATION_FINGERPRINTS, MODERATION_RULES, MODERATION_SHADOW_COUNTS);

  /** Fingerprints are only needed until a post is decided on: compacted, and older ones deleted after 30 days. */
  static final String FINGERPRINT_RETENTION_MS = String.valueOf(30L * 24 * 60 * 60 * 1000);

  private Topics() {
  }

  /** The dead-letter topic of an input topic: the original record plus error headers. */
  public static String deadLetter(String topic) {
    return topic + ".dlq";
  }

  /** Every topic the suite needs: the event topics and their dead-letter topics, then the state topics. */
  public static List<String> all() {
    return java.util.stream.Stream.concat(EVENT_TOPICS.stream().flatMap(topic -> java.util.stream.Stream.of(topic, deadLetter(topic))),
        STATE_TOPICS.stream()).toList();
  }

  /** Topic-level settings a topic needs beyond the broker's defaults (empty for the event topics). */
  public static Map<String, String> config(String topic) {
    return switch (topic) {
      case MODERATION_BANK, MODERATION_RULES, MODERATION_SHADOW_COUNTS -> Map.of("cleanup.policy", "compact");
      case MODERATION_FINGERPRINTS -> Map.of("cleanup.policy", "compact,delete", "retention.ms", FINGERPRINT_RETENTION_MS);
      default -> Map.of();
    };
  }
}
