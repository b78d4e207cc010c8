package org.modsuite.ingestion.connector;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of source a source instance can be. */
public enum SourceType {
  /** A Mastodon instance's public or hashtag timeline, polled with {@code min_id}. */
  MASTODON("mastodon"),
  /** An RSS 2.0 or Atom feed, polled with conditional GET and a seen-set. */
  RSS("rss"),
  /** Telegram Bot API getUpdates for channels and groups the bot administers. */
  TELEGRAM("telegram"),
  /** Posts pushed to {@code POST /api/v1/webhooks/{source}}, signed with the source's secret. Not polled. */
  WEBHOOK("webhook"),
  /** Bluesky's Jetstream firehose of {@code app.bsky.feed.post} commits: a long-lived WebSocket, not polled. */
  BLUESKY("bluesky"),
  /** YouTube Data API v3 {@code commentThreads.list} of a video or a channel, within a daily quota. */
  YOUTUBE("youtube"),
  /** Reddit listings ({@code /r/{sub}/new}, {@code /r/{sub}/comments}) with OAuth credentials; off without them. */
  REDDIT("reddit");

  /** The wire names, for error messages. */
  public static final String NAMES = "mastodon, rss, telegram, webhook, bluesky, youtube, reddit";

  private final String wireName;

  SourceType(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  public static Optional<SourceType> of(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }

  @JsonCreator
  static SourceType fromJson(String name) {
    return of(name).orElseThrow(() -> new IllegalArgumentException("must be one of " + NAMES));
  }
}
