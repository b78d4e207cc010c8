package org.modsuite.ingestion.connector;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import org.modsuite.ingestion.repository.MastodonStatusIds;
import org.modsuite.ingestion.rest.PostRequest;
import org.modsuite.support.rest.Problem;

/**
 * Mastodon public or hashtag timeline (INGESTION-SOURCES.md §1). Catches up with {@code min_id}: each page holds the
 * statuses immediately above the cursor, so more than a page of new posts is read page by page and none is skipped
 * ({@code since_id} would return only the newest page). The cursor is the highest status id acknowledged; ids are
 * opaque strings compared by length, then lexically.
 *
 * <p>Replies get {@code parentUid} and {@code threadUid} from the global {@code uri}s of their parent and thread root:
 * from the page itself when the parent is in it (and is a root), else from {@code GET /api/v1/statuses/:id/context},
 * once per parent and page. A context that cannot be read (404 for a private thread, a rate limit) leaves them empty;
 * it never fails the page.
 *
 * <p>Settings: {@code instance} (https://host), {@code hashtag} (without #; absent = public timeline), {@code local}
 * (true/false, public timeline only), {@code limit} (1–40, default 40), {@code threads} (true/false, default true:
 * resolve parents), {@code enforce} (true/false, default false: the token may carry out moderation actions, see
 * {@code MastodonEnforcer}), {@code stream} (true/false, default false: also read the streaming API for deletes and
 * edits, see {@code MastodonStreamSession}; needs a user token). Secret: an optional bearer token.
 */
@ApplicationScoped
public class MastodonConnector implements Connector {

  /** Ids compare by length, then lexically (Snowflake-style numbers of any length, never cast). */
  static final Comparator<String> ID_ORDER = Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

  private final PlatformHttp http;
  private final ObjectMapper mapper;
  private final MastodonStatusIds statusIds;

  public MastodonConnector(PlatformHttp http, ObjectMapper mapper, MastodonStatusIds statusIds) {
    this.http = http;
    this.mapper = mapper;
    this.statusIds = statusIds;
  }

  @Override
  public SourceType type() {
    return SourceType.MASTODON;
  }

  @Override
  public List<Problem.FieldError> validate(Map<String, String> settings) {
    List<Problem.FieldError> errors = new ArrayList<>();
    String instance = settings.get("instance");
    if (instance == null || !instance.matches("^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?/?$")) {
      errors.add(new Problem.FieldError("settings.instance", "must be the instance's base URL, such as https://social.example"));
    }
    String hashtag = settings.get("hashtag");
    if (hashtag != null && !hashtag.matches("^[\\p{L}\\p{N}_]{1,100}$")) {
      errors.add(new Problem.FieldError("settings.hashtag", "must be a hashtag without #: letters, digits, _"));
    }
    String local = settings.get("local");
    if (local != null && !local.equals("true") && !local.equals("false")) {
      errors.add(new Problem.FieldError("settings.local", "must be true or false"));
    }
    String limit = settings.get("limit");
    if (limit != null && !(limit.matches("^[0-9]{1,2}$") && Integer.parseInt(limit) >= 1 && Integer.parseInt(limit) <= 40)) {
      errors.add(new Problem.FieldError("settings.limit", "must be a number from 1 to 40"));
    }
    String threads = settings.get("threads");
    if (threads != null && !threads.equals("true") && !threads.equals("false")) {
      errors.add(new Problem.FieldError("settings.threads", "must be true or false"));
    }
    String stream = settings.get("stream");
    if (stream != null && !stream.equals("true") && !stream.equals("false")) {
      errors.add(new Problem.FieldError("settings.stream", "must be true or false"));
    }
    String enforce = settings.get("enforce");
    if (enforce != null && !enforce.equals("true") && !enforce.equals("false")) {
      errors.add(new Problem.FieldError("settings.enforce", "must be true or false"));
    }
    settings.keySet().stream().filter(k -> !List.of("instance", "hashtag", "local", "limit", "threads", "enforce", "stream").contains(k))
        .forEach(k -> errors.add(new Problem.FieldError("settings." + k,
            "is not a Mastodon setting (instance, hashtag, local, limit, threads, enforce, stream)")));
    return errors;
  }

  @Override
  public FetchResult fetch(SourceContext source) throws FetchException {
    Map<String, String> s = source.settings();
    int limit = Integer.parseInt(s.getOrDefault("limit", "40"));
    URI uri = pageUri(s, source.cursor(), limit);
    Map<String, String> headers = new HashMap<>();
    headers.put("Accept", "application/json");
    if (source.secret() != null && !source.secret().isBlank()) {
      headers.put("Authorization", "Bearer " + source.secret());
    }
    HttpResponse<String> response = http.get(uri, headers);
    JsonNode page;
    try {
      page = mapper.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new FetchException(FetchException.Kind.GARBAGE, "timeline page of " + uri.getHost() + " is not JSON (" + describe(response) + ")");
    }
    if (page == null || !page.isArray()) {
      throw new FetchException(FetchException.Kind.GARBAGE, "timeline page of " + uri.getHost() + " is not a JSON array");
    }
    String cursor = source.cursor();
    List<JsonNode> statuses = new ArrayList<>();
    for (JsonNode status : page) {
      String id = status.path("id").asText(null);
      if (id == null || id.isBlank()) {
        throw new FetchException(FetchException.Kind.GARBAGE, "a status of " + uri.getHost() + " has no id");
      }
      if (cursor == null || ID_ORDER.compare(id, cursor) > 0) {
        statuses.add(status);
      }
    }
    if (cursor != null && statuses.isEmpty() && !page.isEmpty()) {
      // Every status is at or below the cursor: the server ignored min_id or its ids went backwards. Keep the cursor.
      throw new FetchException(FetchException.Kind.GARBAGE, uri.getHost() + " answered statuses below the cursor");
    }
    statuses.sort(Comparator.comparing((JsonNode st) -> st.path("id").asText(), ID_ORDER));
    List<PostRequest> posts = new ArrayList<>();
    int skipped = 0;
    Instant newest = null;
    Map<String, JsonNode> byId = new HashMap<>();
    statuses.forEach(st -> byId.put(st.path("id").asText(), st));
    Map<String, String[]> threadOf = new HashMap<>();
    boolean threads = !"false".equals(s.get("threads"));
    for (JsonNode status : statuses) {
      Optional<PostRequest> post = MastodonStatusMapper.map(status, source.id());
      String parentId = status.path("in_reply_to_id").asText(null);
      if (post.isPresent() && threads && parentId != null && !parentId.isBlank()) {
        String[] thread = threadOf.computeIfAbsent(parentId, p -> thread(s, headers, status, byId.get(p)));
        post = Optional.of(MastodonStatusMapper.inThread(post.get(), thread[0], thread[1]));
      }
      if (post.isPresent()) {
        posts.add(post.get());
        newest = newest == null || post.get().createdAt().isAfter(newest) ? post.get().createdAt() : newest;
      } else {
        skipped++;
      }
    }
    if ("true".equals(s.get("stream"))) {
      // The stream's delete events name the local id only: remember which uri (postUid) it stands for.
      Map<String, String> ids = new HashMap<>();
      for (JsonNode st : statuses) {
        if (st.path("uri").isTextual()) {
          ids.put(st.path("id").asText(), st.path("uri").asText());
        }
      }
      statusIds.remember(source.id(), ids, http.clock().instant());
    }
    String next = statuses.isEmpty() ? cursor : statuses.get(statuses.size() - 1).path("id").asText();
    Duration pause = RateLimitHeaders.pauseWhenSpent(response.headers(), http.clock().instant()).orElse(null);
    if (skipped > 0) {
      Log.debugf("source %s: skipped %d boosts, non-public or empty statuses", source.id(), skipped);
    }
    // A full page after a cursor means more are waiting; the first poll (no cursor) starts at the newest page only.
    boolean more = cursor != null && page.size() >= limit;
    return new FetchResult(posts, next, more, null, skipped, false, pause, newest);
  }

  /**
   * The parent's and root's postUids of a reply ({@code [parent, root]}, either null when unknown): from the page when
   * the parent is in it and replies to nothing, else from the reply's context (its last ancestor is the parent, the
   * first the root).
   */
  private String[] thread(Map<String, String> s, Map<String, String> headers, JsonNode reply, JsonNode parentInPage) {
    if (parentInPage != null && parentInPage.path("in_reply_to_id").isNull() && parentInPage.path("uri").isTextual()) {
      String uid = MastodonStatusMapper.PLATFORM + ":" + parentInPage.path("uri").asText();
      return new String[] {uid, uid};
    }
    String base = s.get("instance").replaceAll("/+$", "");
    URI uri = URI.create(base + "/api/v1/statuses/" + URLEncoder.encode(reply.path("id").asText(), StandardCharsets.UTF_8) + "/context");
    try {
      JsonNode ancestors = mapper.readTree(http.get(uri, headers).body()).path("ancestors");
      if (!ancestors.isArray() || ancestors.isEmpty()) {
        return new String[] {null, null};
      }
      String parent = ancestors.get(ancestors.size() - 1).path("uri").asText(null);
      String root = ancestors.get(0).path("uri").asText(null);
      return new String[] {parent == null ? null : MastodonStatusMapper.PLATFORM + ":" + parent,
          root == null ? null : MastodonStatusMapper.PLATFORM + ":" + root};
    } catch (FetchException | JsonProcessingException e) {
      Log.debugf("context of status %s on %s not read: %s", reply.path("id").asText(), uri.getHost(), e.getMessage());
      return new String[] {null, null};
    }
  }

  static URI pageUri(Map<String, String> s, String cursor, int limit) {
    String base = s.get("instance").replaceAll("/+$", "");
    String hashtag = s.get("hashtag");
    StringBuilder uri = new StringBuilder(base);
    if (hashtag != null) {
      uri.append("/api/v1/timelines/tag/").append(URLEncoder.encode(hashtag, StandardCharsets.UTF_8)).append("?limit=").append(limit);
    } else {
      uri.append("/api/v1/timelines/public?limit=").append(limit);
      if ("true".equals(s.get("local"))) {
        uri.append("&local=true");
      }
    }
    if (cursor != null) {
      uri.append("&min_id=").append(URLEncoder.encode(cursor, StandardCharsets.UTF_8));
    }
    return URI.create(uri.toString());
  }

  private static String describe(HttpResponse<String> response) {
    String type = response.headers().firstValue("Content-Type").orElse("no content type");
    return type + ", " + response.body().length() + " characters";
  }
}
