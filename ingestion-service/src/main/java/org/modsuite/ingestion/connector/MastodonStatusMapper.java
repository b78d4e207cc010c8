package org.modsuite.ingestion.connector;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.modsuite.ingestion.rest.PostRequest;

/**
 * A Mastodon {@code Status} (REST timelines, streaming, admin webhooks) to a pushed post. {@code postUid} comes from the
 * status {@code uri}, its global ActivityPub id, so the same post seen through two instances is one post; the local
 * {@code id} differs per instance. Boosts, non-public statuses and statuses without text are not posts for us.
 */
public final class MastodonStatusMapper {

  public static final String PLATFORM = "mastodon";

  private MastodonStatusMapper() {
  }

  /** The post, or empty when the status is a boost, not public, or has neither text nor a content warning. */
  public static Optional<PostRequest> map(JsonNode status, String sourceName) {
    if (!status.path("reblog").isNull() && !status.path("reblog").isMissingNode()) {
      return Optional.empty();
    }
    String visibility = status.path("visibility").asText("public");
    if (!visibility.equals("public") && !visibility.equals("unlisted")) {
      return Optional.empty();
    }
    String uri = text(status, "uri");
    Instant createdAt = instant(status, "created_at");
    if (uri == null || createdAt == null) {
      return Optional.empty();
    }
    String body = HtmlText.toPlain(status.path("content").asText(""));
    String warning = text(status, "spoiler_text");
    // The content warning is classified too: it can carry the hateful part.
    String plain = warning == null ? body : body.isEmpty() ? warning : warning + "\n\n" + body;
    if (plain.isBlank()) {
      return Optional.empty();
    }
    String url = Optional.ofNullable(text(status, "url")).orElse(uri);
    JsonNode account = status.path("account");
    String author = Optional.ofNullable(text(account, "url")).orElse(text(account, "acct"));
    String language = text(status, "language");
    if (language != null) {
      language = language.toLowerCase(Locale.ROOT);
    }
    return Optional.of(new PostRequest(null, PLATFORM, uri, url.startsWith("http") ? url : null, author, plain, language, createdAt,
        instant(status, "edited_at"), null, null, sourceName, null));
  }

  /** The post with its parent's and thread root's postUids (each may be null). */
  public static PostRequest inThread(PostRequest p, String parentUid, String threadUid) {
    return new PostRequest(p.postUid(), p.platform(), p.sourceId(), p.url(), p.authorId(), p.text(), p.language(), p.createdAt(), p.editedAt(),
        parentUid, threadUid, p.sourceName(), p.op());
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }

  private static Instant instant(JsonNode node, String field) {
    String value = text(node, field);
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
