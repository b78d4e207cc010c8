package org.modsuite.ingestion.connector;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.modsuite.events.PostOp;
import org.modsuite.ingestion.rest.PostRequest;

/**
 * One Jetstream v1 event (INGESTION-SOURCES.md §2.5-2.6).
 *
 * @param timeUs the event's {@code time_us}, the cursor position it covers
 * @param key {@code did/collection/rkey/rev} of a commit, the duplicate key across a replayed overlap; null for other kinds
 * @param post the post to publish, or null (identity and account events, other collections, posts without text)
 */
public record JetstreamFrame(long timeUs, String key, PostRequest post) {

  public static final String PLATFORM = "bluesky";

  /**
   * Reads one frame. {@code create} and {@code update} of an {@code app.bsky.feed.post} become posts keyed by their
   * at:// URI ({@code bluesky:at://{did}/app.bsky.feed.post/{rkey}}), {@code delete} an {@code op=delete} of that URI.
   *
   * @throws IllegalArgumentException when the frame has no {@code time_us} or no {@code did}
   */
  public static JetstreamFrame parse(JsonNode event, String sourceName) {
    if (!event.path("time_us").canConvertToLong() || !event.path("did").isTextual()) {
      throw new IllegalArgumentException("a Jetstream event without time_us or did");
    }
    long timeUs = event.path("time_us").asLong();
    String did = event.path("did").asText();
    JsonNode commit = event.path("commit");
    if (!"commit".equals(event.path("kind").asText()) || !commit.path("rkey").isTextual()) {
      return new JetstreamFrame(timeUs, null, null);
    }
    String collection = commit.path("collection").asText();
    String rkey = commit.path("rkey").asText();
    String key = did + "/" + collection + "/" + rkey + "/" + commit.path("rev").asText("");
    if (!JetstreamSettings.POST_COLLECTION.equals(collection)) {
      return new JetstreamFrame(timeUs, key, null);
    }
    String uri = "at://" + did + "/" + collection + "/" + rkey;
    String url = "https://bsky.app/profile/" + did + "/post/" + rkey;
    Instant at = Instant.EPOCH.plusNanos(timeUs * 1000);
    String operation = commit.path("operation").asText();
    if (operation.equals("delete")) {
      return new JetstreamFrame(timeUs, key, new PostRequest(null, PLATFORM, uri, url, did, "", null, at, null, null, null, sourceName,
          PostOp.DELETE));
    }
    JsonNode record = commit.path("record");
    String text = record.path("text").asText("");
    if ((!operation.equals("create") && !operation.equals("update")) || text.isBlank()) {
      return new JetstreamFrame(timeUs, key, null); // an image or quote without text: nothing to classify
    }
    // createdAt is declared by the client (future or 2009 happen); the server's time_us stands in when it is unreadable.
    Instant created = instant(record.path("createdAt").asText(null));
    JsonNode langs = record.path("langs");
    String language = langs.isArray() && langs.size() > 0 && langs.get(0).isTextual() ? primaryLower(langs.get(0).asText()) : null;
    JsonNode reply = record.path("reply");
    String parent = reply.path("parent").path("uri").isTextual() ? PLATFORM + ":" + reply.path("parent").path("uri").asText() : null;
    String root = reply.path("root").path("uri").isTextual() ? PLATFORM + ":" + reply.path("root").path("uri").asText() : null;
    boolean update = operation.equals("update");
    return new JetstreamFrame(timeUs, key, new PostRequest(null, PLATFORM, uri, url, did, text, language, created == null ? at : created,
        update ? at : null, parent, root, sourceName, update ? PostOp.UPDATE : PostOp.CREATE));
  }

  private static Instant instant(String value) {
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** {@code EN-us} to {@code en-us}: the push API wants a lower-case primary subtag. */
  private static String primaryLower(String tag) {
    int dash = tag.indexOf('-');
    return dash < 0 ? tag.toLowerCase(Locale.ROOT) : tag.substring(0, dash).toLowerCase(Locale.ROOT) + tag.substring(dash);
  }
}
