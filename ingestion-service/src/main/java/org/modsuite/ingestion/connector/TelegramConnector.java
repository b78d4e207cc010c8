package org.modsuite.ingestion.connector;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.modsuite.events.PostOp;
import org.modsuite.ingestion.rest.PostRequest;
import org.modsuite.support.rest.Problem;

/**
 * Telegram Bot API {@code getUpdates} (INGESTION-SOURCES.md §5) for channels and groups the bot administers. The cursor
 * is the next {@code offset}: the highest acknowledged {@code update_id} + 1. Asking with it is what confirms (and
 * deletes) the updates on Telegram's side, so it is only sent after Kafka acknowledged them. Edits arrive as
 * {@code edited_channel_post}/{@code edited_message} with {@code edit_date} and become {@code op=update}; Telegram sends
 * no deletes. {@code message_id} is unique only per chat: the post id is {@code chat.id:message_id}.
 *
 * <p>Settings: {@code apiBase} (default {@code https://api.telegram.org}), {@code chats} (comma-separated chat ids to
 * keep; absent = all), {@code limit} (1–100, default 100). Secret: the bot token (required; it is part of the URL, so
 * it never appears in messages).
 */
@ApplicationScoped
public class TelegramConnector implements Connector {

  static final String DEFAULT_API = "https://api.telegram.org";
  private static final String ALLOWED_UPDATES = "[\"channel_post\",\"edited_channel_post\",\"message\",\"edited_message\"]";

  private final PlatformHttp http;
  private final ObjectMapper mapper;

  public TelegramConnector(PlatformHttp http, ObjectMapper mapper) {
    this.http = http;
    this.mapper = mapper;
  }

  @Override
  public SourceType type() {
    return SourceType.TELEGRAM;
  }

  @Override
  public List<Problem.FieldError> validate(Map<String, String> settings) {
    List<Problem.FieldError> errors = new ArrayList<>();
    String api = settings.get("apiBase");
    if (api != null && !api.matches("^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?/?$")) {
      errors.add(new Problem.FieldError("settings.apiBase", "must be the Bot API's base URL, such as " + DEFAULT_API));
    }
    String chats = settings.get("chats");
    if (chats != null && !chats.matches("^-?[0-9]{1,20}(,\\s*-?[0-9]{1,20})*$")) {
      errors.add(new Problem.FieldError("settings.chats", "must be comma-separated chat ids, such as -1001234567890"));
    }
    String limit = settings.get("limit");
    if (limit != null && !(limit.matches("^[0-9]{1,3}$") && Integer.parseInt(limit) >= 1 && Integer.parseInt(limit) <= 100)) {
      errors.add(new Problem.FieldError("settings.limit", "must be a number from 1 to 100"));
    }
    settings.keySet().stream().filter(k -> !List.of("apiBase", "chats", "limit").contains(k))
        .forEach(k -> errors.add(new Problem.FieldError("settings." + k, "is not a Telegram setting (apiBase, chats, limit)")));
    return errors;
  }

  @Override
  public FetchResult fetch(SourceContext source) throws FetchException {
    if (source.secret() == null || source.secret().isBlank()) {
      throw new FetchException(FetchException.Kind.REFUSED, "the source has no bot token");
    }
    Map<String, String> s = source.settings();
    int limit = Integer.parseInt(s.getOrDefault("limit", "100"));
    String base = s.getOrDefault("apiBase", DEFAULT_API).replaceAll("/+$", "");
    StringBuilder uri = new StringBuilder(base).append("/bot").append(source.secret()).append("/getUpdates?timeout=0&limit=").append(limit)
        .append("&allowed_updates=").append(URLEncoder.encode(ALLOWED_UPDATES, StandardCharsets.UTF_8));
    if (source.cursor() != null) {
      uri.append("&offset=").append(source.cursor());
    }
    HttpResponse<String> response = http.get(URI.create(uri.toString()), Map.of("Accept", "application/json"));
    JsonNode body;
    try {
      body = mapper.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new FetchException(FetchException.Kind.GARBAGE, "getUpdates answered something that is not JSON");
    }
    if (body == null || !body.path("ok").asBoolean(false) || !body.path("result").isArray()) {
      throw new FetchException(FetchException.Kind.GARBAGE, "getUpdates answered without ok and a result array");
    }
    Set<String> chats = s.containsKey("chats") ? Arrays.stream(s.get("chats").split(",")).map(String::trim).collect(Collectors.toSet()) : null;
    long highest = source.cursor() == null ? -1 : Long.parseLong(source.cursor()) - 1;
    List<PostRequest> posts = new ArrayList<>();
    int skipped = 0;
    Instant newest = null;
    for (JsonNode update : body.path("result")) {
      long id = update.path("update_id").asLong(-1);
      if (id < 0) {
        throw new FetchException(FetchException.Kind.GARBAGE, "an update has no update_id");
      }
      highest = Math.max(highest, id);
      PostRequest post = map(update, source.id());
      if (post == null || (chats != null && !chats.contains(post.sourceId().substring(0, post.sourceId().indexOf(':'))))) {
        skipped++;
        continue;
      }
      posts.add(post);
      newest = newest == null || post.createdAt().isAfter(newest) ? post.createdAt() : newest;
    }
    String cursor = highest < 0 ? source.cursor() : String.valueOf(highest + 1);
    return new FetchResult(posts, cursor, body.path("result").size() >= limit, null, skipped, false, null, newest);
  }

  /** A message with text or a caption, else null. */
  static PostRequest map(JsonNode update, String sourceName) {
    boolean edited = update.has("edited_channel_post") || update.has("edited_message");
    JsonNode m = update.has("channel_post") ? update.path("channel_post") : update.has("edited_channel_post") ? update.path("edited_channel_post")
        : update.has("message") ? update.path("message") : update.path("edited_message");
    String text = m.path("text").isTextual() ? m.path("text").asText() : m.path("caption").asText(null);
    if (m.isMissingNode() || text == null || text.isBlank() || !m.path("chat").path("id").canConvertToLong() || !m.has("date")) {
      return null;
    }
    long chat = m.path("chat").path("id").asLong();
    long message = m.path("message_id").asLong();
    String username = m.path("chat").path("username").asText(null);
    String url = username == null ? null : "https://t.me/" + username + "/" + message;
    JsonNode author = m.has("sender_chat") ? m.path("sender_chat") : m.path("from");
    String authorId = author.path("id").canConvertToLong() ? author.path("id").asText() : null;
    Instant created = Instant.ofEpochSecond(m.path("date").asLong());
    Instant editedAt = m.has("edit_date") ? Instant.ofEpochSecond(m.path("edit_date").asLong()) : null;
    JsonNode reply = m.path("reply_to_message");
    String parent = reply.path("message_id").canConvertToLong() && reply.path("message_id").asLong() > 0
        ? "telegram:" + chat + ":" + reply.path("message_id").asLong() : null;
    return new PostRequest(null, "telegram", chat + ":" + message, url, authorId, text, null, created, editedAt, parent, null, sourceName,
        edited ? PostOp.UPDATE : PostOp.CREATE);
  }
}
