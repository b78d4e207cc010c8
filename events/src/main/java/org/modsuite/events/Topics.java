package org.modsuite.events;

import java.util.List;

/** Kafka topic names of ARCHITECTURE.md, shared by producers, consumers, local-stack and deploy files. */
public final class Topics {

  public static final String POSTS_INGESTED = "posts.ingested";
  public static final String POSTS_ANALYSED = "posts.analysed";
  public static final String MODERATION_ACTIONS = "moderation.actions";

  /** The topics that carry events, in pipeline order. */
  public static final List<String> EVENT_TOPICS = List.of(POSTS_INGESTED, POSTS_ANALYSED, MODERATION_ACTIONS);

  private Topics() {
  }

  /** The dead-letter topic of an input topic: the original record plus error headers. */
  public static String deadLetter(String topic) {
    return topic + ".dlq";
  }

  /** Every topic the suite needs: the event topics and their dead-letter topics. */
  public static List<String> all() {
    return EVENT_TOPICS.stream().flatMap(topic -> java.util.stream.Stream.of(topic, deadLetter(topic))).toList();
  }
}
