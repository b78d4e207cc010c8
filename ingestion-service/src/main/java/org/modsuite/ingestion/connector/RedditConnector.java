package org.modsuite.ingestion.connector;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import org.modsuite.events.PostOp;
import org.modsuite.ingestion.rest.PostRequest;
import org.modsuite.support.rest.Problem;

/**
 * Reddit listings (INGESTION-SOURCES.md §3): {@code /r/{sub}/new} (posts) or {@code /r/{sub}/comments}, read with an
 * application-only OAuth token ({@code client_credentials}). Since November 2025 Reddit approves every Data API client
 * before use, so a Reddit source needs the credentials of an approved app and does nothing without them. Like PRAW's
 * stream, each poll reads the newest {@code limit} items without an anchor and keeps a seen-set (fullname to content
 * hash) of the listing window: new items are created, changed ones updated ({@code edited}), {@code [deleted]} and
 * {@code [removed]} ones published as deletes; a listing of only unseen items reports a gap.
 *
 * <p>Settings: {@code subreddit} (required), {@code listing} ({@code new} or {@code comments}, default {@code new}),
 * {@code userAgent} (required, Reddit's {@code <platform>:<app id>:<version> (by /u/<username>)}), {@code limit}
 * (1–100, default 100), {@code apiBase} (default {@value #DEFAULT_API}), {@code tokenUrl} (default
 * {@value #DEFAULT_TOKEN_URL}). Secret (required): {@code client_id:client_secret}.
 */
@ApplicationScoped
public class RedditConnector implements Connector {

  static final String DEFAULT_API = "https://oauth.reddit.com";
  static final String DEFAULT_TOKEN_URL = "https://www.reddit.com/api/v1/access_token";
  private static final String PLATFORM = "reddit";
  private static final List<String> SETTINGS = List.of("subreddit", "listing", "userAgent", "limit", "apiBase", "tokenUrl");

  private final PlatformHttp http;
  private final ObjectMapper mapper;
  /** Access tokens per source and credentials, refreshed a minute before they expire. */
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();

  public RedditConnector(PlatformHttp http, ObjectMapper mapper) {
    this.http = http;
    this.mapper = mapper;
  }

  private record Token(String value, Instant expires) {
  }

  @Override
  public SourceType type() {
    return SourceType.REDDIT;
  }

  @Override
  public List<Problem.FieldError> validate(Map<String, String> settings) {
    List<Problem.FieldError> errors = new ArrayList<>();
    String sub = settings.get("subreddit");
    if (sub == null || !sub.matches("^[A-Za-z0-9_]{2,21}$")) {
      errors.add(new Problem.FieldError("settings.subreddit", "must be a subreddit name without r/, such as exampletown"));
    }
    String listing = settings.get("listing");
    if (listing != null && !listing.equals("new") && !listing.equals("comments")) {
      errors.add(new Problem.FieldError("settings.listing", "must be new or comments"));
    }
    String agent = settings.get("userAgent");
    if (agent == null || !agent.matches("^[^:\\s]+:[^:\\s]+:[^:\\s]+ \\(by /u/[A-Za-z0-9_-]{3,20}\\)$")) {
      errors.add(new Problem.FieldError("settings.userAgent", "must be Reddit's <platform>:<app id>:<version> (by /u/<username>)"));
    }
    String limit = settings.get("limit");
    if (limit != null && !(limit.matches("^[0-9]{1,3}$") && Integer.parseInt(limit) >= 1 && Integer.parseInt(limit) <= 100)) {
      errors.add(new Problem.FieldError("settings.limit", "must be a number from 1 to 100"));
    }
    for (String url : List.of("apiBase", "tokenUrl")) {
      String value = settings.get(url);
      if (value != null && !value.matches("^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._/-]*)?$")) {
        errors.add(new Problem.FieldError("settings." + url, "must be an http(s) URL"));
      }
    }
    settings.keySet().stream().filter(k -> !SETTINGS.contains(k))
        .forEach(k -> errors.add(new Problem.FieldError("settings." + k, "is not a Reddit setting (" + String.join(", ", SETTINGS) + ")")));
    return errors;
  }

  @Override
  public FetchResult fetch(SourceContext source) throws FetchException {
    if (source.secret() == null || !source.secret().contains(":")) {
      throw new FetchException(FetchException.Kind.REFUSED, "Reddit needs the client_id:client_secret of an approved app");
    }
    Map<String, String> s = source.settings();
    String listing = s.getOrDefault("listing", "new");
    int limit = Integer.parseInt(s.getOrDefault("limit", "100"));
    URI uri = URI.create(s.getOrDefault("apiBase", DEFAULT_API).replaceAll("/+$", "") + "/r/" + URLEncoder.encode(s.get("subreddit"),
        StandardCharsets.UTF_8) + "/" + listing + "?limit=" + limit + "&raw_json=1");
    HttpResponse<String> response = http.exchange(uri, headers(source, false), "GET", null);
    if (response.statusCode() == 401) {
      // The token expired early or was revoked: one fresh token, one retry (as kafka-connect-reddit does).
      response = http.exchange(uri, headers(source, true), "GET", null);
    }
    http.check(uri, response);
    JsonNode children;
    try {
      JsonNode body = mapper.readTree(response.body());
      children = body == null ? null : body.path("data").path("children");
    } catch (JsonProcessingException e) {
      throw new FetchException(FetchException.Kind.GARBAGE, "the listing is not JSON");
    }
    if (children == null || !children.isArray()) {
      throw new FetchException(FetchException.Kind.GARBAGE, "the listing has no data.children");
    }
    Map<String, String> seenAfter = new LinkedHashMap<>();
    List<PostRequest> posts = new ArrayList<>();
    int skipped = 0;
    int unseen = 0;
    Instant newest = null;
    List<JsonNode> items = new ArrayList<>();
    children.forEach(items::add);
    java.util.Collections.reverse(items); // newest first: publish oldest first
    for (JsonNode child : items) {
      JsonNode d = child.path("data");
      String name = d.path("name").asText(null);
      if (name == null || !(child.path("kind").asText().equals("t3") || child.path("kind").asText().equals("t1"))) {
        skipped++;
        continue;
      }
      PostRequest post = map(child.path("kind").asText(), d, source.id());
      if (post == null) {
        skipped++;
        continue;
      }
      String hash = Hashes.sha256(post.effectiveOp().wireName() + "\u0000" + post.text());
      seenAfter.put(name, hash);
      String previous = source.seen().get(name);
      if (previous == null) {
        unseen++;
      }
      if (hash.equals(previous)) {
        continue;
      }
      if (previous != null && post.op() == null) {
        post = as(post, PostOp.UPDATE); // changed text without an edit time (edited: true)
      }
      posts.add(post);
      newest = newest == null || post.createdAt().isAfter(newest) ? post.createdAt() : newest;
    }
    boolean gap = !source.seen().isEmpty() && !items.isEmpty() && unseen == items.size();
    if (gap) {
      Log.warnf("source %s: every item of r/%s/%s was new: posts may have been missed", source.id(), s.get("subreddit"), listing);
    }
    Duration pause = RateLimitHeaders.pauseWhenSpent(response.headers(), http.clock().instant()).orElse(null);
    return new FetchResult(posts, source.cursor(), false, seenAfter, skipped, gap, pause, newest);
  }

  private Map<String, String> headers(SourceContext source, boolean fresh) throws FetchException {
    return Map.of("Authorization", "bearer " + token(source, fresh), "User-Agent", source.settings().get("userAgent"), "Accept",
        "application/json");
  }

  /** An application-only token for the source's credentials, from the cache unless it is (nearly) expired. */
  private String token(SourceContext source, boolean fresh) throws FetchException {
    String key = source.id() + "\u0000" + Hashes.sha256(source.secret());
    Token token = tokens.get(key);
    Instant now = http.clock().instant();
    if (!fresh && token != null && token.expires().isAfter(now.plusSeconds(60))) {
      return token.value();
    }
    URI uri = URI.create(source.settings().getOrDefault("tokenUrl", DEFAULT_TOKEN_URL));
    String basic = Base64.getEncoder().encodeToString(source.secret().getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = http.post(uri, Map.of("Authorization", "Basic " + basic, "User-Agent", source.settings().get("userAgent"),
        "Accept", "application/json"), "grant_type=client_credentials");
    try {
      JsonNode body = mapper.readTree(response.body());
      String value = body.path("access_token").asText(null);
      if (value == null || value.isBlank()) {
        throw new FetchException(FetchException.Kind.REFUSED, "Reddit issued no access token: " + body.path("error").asText("unknown error"));
      }
      tokens.put(key, new Token(value, now.plusSeconds(body.path("expires_in").asLong(3600))));
      return value;
    } catch (JsonProcessingException e) {
      throw new FetchException(FetchException.Kind.GARBAGE, "the token answer is not JSON");
    }
  }

  /** A t3 (post: title and self text) or t1 (comment, with parent and thread); {@code [deleted]} and {@code [removed]} are deletes. */
  static PostRequest map(String kind, JsonNode d, String sourceName) {
    String name = d.path("name").asText();
    if (!d.path("created_utc").isNumber()) {
      return null;
    }
    Instant created = Instant.ofEpochMilli(Math.round(d.path("created_utc").asDouble() * 1000));
    String body = kind.equals("t3") ? d.path("selftext").asText("") : d.path("body").asText("");
    boolean gone = body.equals("[deleted]") || body.equals("[removed]") || (kind.equals("t3") && !d.path("removed_by_category").isNull()
        && !d.path("removed_by_category").isMissingNode());
    String text = kind.equals("t3") ? (d.path("title").asText("") + (body.isBlank() || gone ? "" : "\n\n" + body)).trim() : body;
    String permalink = d.path("permalink").asText(null);
    String url = permalink == null ? null : "https://www.reddit.com" + permalink;
    String author = d.path("author_fullname").asText(null);
    String parent = kind.equals("t1") && d.path("parent_id").isTextual() ? PLATFORM + ":" + d.path("parent_id").asText() : null;
    String thread = kind.equals("t1") && d.path("link_id").isTextual() ? PLATFORM + ":" + d.path("link_id").asText() : null;
    if (gone) {
      return new PostRequest(null, PLATFORM, name, url, null, "", null, created, null, parent, thread, sourceName, PostOp.DELETE);
    }
    if (text.isBlank()) {
      return null;
    }
    JsonNode edited = d.path("edited");
    Instant editedAt = edited.isNumber() ? Instant.ofEpochMilli(Math.round(edited.asDouble() * 1000)) : null;
    return new PostRequest(null, PLATFORM, name, url, author, text, null, created, editedAt, parent, thread, sourceName, null);
  }

  private static PostRequest as(PostRequest p, PostOp op) {
    return new PostRequest(p.postUid(), p.platform(), p.sourceId(), p.url(), p.authorId(), p.text(), p.language(), p.createdAt(), p.editedAt(),
        p.parentUid(), p.threadUid(), p.sourceName(), op);
  }
}
