package org.modsuite.ingestion.connector;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.modsuite.ingestion.repository.QuotaRepository;
import org.modsuite.ingestion.rest.PostRequest;
import org.modsuite.support.rest.Problem;

/**
 * YouTube Data API v3 {@code commentThreads.list} (INGESTION-SOURCES.md §4) of one video or of all videos of a
 * channel, newest first ({@code order=time}). Page tokens are per query, so a run pages from the newest thread until it
 * reaches one published before the checkpoint minus {@value #OVERLAP_MINUTES} minutes; the overlap is read again and
 * its repeats dropped by postUid and version. The checkpoint (newest {@code publishedAt} acknowledged) advances when a
 * run ends. The first run reads only the newest page. Top-level comments and the replies embedded in their thread
 * become posts ({@code youtube:{comment id}}), replies with {@code parentUid}; {@code updatedAt} after
 * {@code publishedAt} is an edit.
 *
 * <p>Quota: every request costs 1 unit, invalid ones too. Before each request the unit is spent from the source's
 * {@code dailyQuota} for the day in Pacific Time (when Google resets it); a source that cannot afford it, or that
 * YouTube answers {@code quotaExceeded}, waits until the next Pacific midnight.
 *
 * <p>Settings: {@code videoId} or {@code channelId} (exactly one), {@code dailyQuota} (units a day, default
 * {@value #DEFAULT_QUOTA}), {@code maxResults} (1–100, default 100), {@code apiBase} (default
 * {@value #DEFAULT_API}). Secret: the API key (required), sent as {@code X-goog-api-key}, never in the URL.
 */
@ApplicationScoped
public class YouTubeConnector implements Connector {

  static final String DEFAULT_API = "https://www.googleapis.com";
  static final int DEFAULT_QUOTA = 10_000;
  static final long OVERLAP_MINUTES = 10;
  public static final ZoneId QUOTA_ZONE = ZoneId.of("America/Los_Angeles");
  private static final String PLATFORM = "youtube";

  private final PlatformHttp http;
  private final ObjectMapper mapper;
  private final QuotaRepository quota;

  public YouTubeConnector(PlatformHttp http, ObjectMapper mapper, QuotaRepository quota) {
    this.http = http;
    this.mapper = mapper;
    this.quota = quota;
  }

  /** Where a source is: the checkpoint, and within a run the next page and the newest comment seen so far. */
  record Cursor(String since, String page, String top) {
  }

  @Override
  public SourceType type() {
    return SourceType.YOUTUBE;
  }

  @Override
  public List<Problem.FieldError> validate(Map<String, String> settings) {
    List<Problem.FieldError> errors = new ArrayList<>();
    String video = settings.get("videoId");
    String channel = settings.get("channelId");
    if (video == null && channel == null) {
      errors.add(new Problem.FieldError("settings.videoId", "a YouTube source needs videoId or channelId"));
    }
    if (video != null && channel != null) {
      errors.add(new Problem.FieldError("settings.channelId", "give videoId or channelId, not both"));
    }
    if (video != null && !video.matches("^[A-Za-z0-9_-]{11}$")) {
      errors.add(new Problem.FieldError("settings.videoId", "must be an 11-character video id, such as dQw4w9WgXcQ"));
    }
    if (channel != null && !channel.matches("^UC[A-Za-z0-9_-]{22}$")) {
      errors.add(new Problem.FieldError("settings.channelId", "must be a channel id: UC followed by 22 characters"));
    }
    String daily = settings.get("dailyQuota");
    if (daily != null && !(daily.matches("^[0-9]{1,7}$") && Integer.parseInt(daily) >= 1 && Integer.parseInt(daily) <= 1_000_000)) {
      errors.add(new Problem.FieldError("settings.dailyQuota", "must be a number of units from 1 to 1000000"));
    }
    String max = settings.get("maxResults");
    if (max != null && !(max.matches("^[0-9]{1,3}$") && Integer.parseInt(max) >= 1 && Integer.parseInt(max) <= 100)) {
      errors.add(new Problem.FieldError("settings.maxResults", "must be a number from 1 to 100"));
    }
    String api = settings.get("apiBase");
    if (api != null && !api.matches("^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?/?$")) {
      errors.add(new Problem.FieldError("settings.apiBase", "must be the API's base URL, such as " + DEFAULT_API));
    }
    settings.keySet().stream().filter(k -> !List.of("videoId", "channelId", "dailyQuota", "maxResults", "apiBase").contains(k))
        .forEach(k -> errors.add(new Problem.FieldError("settings." + k,
            "is not a YouTube setting (videoId, channelId, dailyQuota, maxResults, apiBase)")));
    return errors;
  }

  /** The daily quota of a source's settings. */
  public static int dailyQuota(Map<String, String> settings) {
    return Integer.parseInt(settings.getOrDefault("dailyQuota", String.valueOf(DEFAULT_QUOTA)));
  }

  /** The quota day (Pacific Time) of an instant. */
  public static LocalDate quotaDay(Instant now) {
    return LocalDate.ofInstant(now, QUOTA_ZONE);
  }

  /** The next Pacific midnight, when the quota is reset. */
  public static Instant quotaReset(Instant now) {
    return quotaDay(now).plusDays(1).atStartOfDay(QUOTA_ZONE).toInstant();
  }

  @Override
  public FetchResult fetch(SourceContext source) throws FetchException {
    if (source.secret() == null || source.secret().isBlank()) {
      throw new FetchException(FetchException.Kind.REFUSED, "the source has no API key");
    }
    Map<String, String> s = source.settings();
    Cursor cursor = read(source.cursor());
    Instant now = http.clock().instant();
    int limit = dailyQuota(s);
    if (!quota.spend(source.id(), quotaDay(now), 1, limit)) {
      throw new FetchException(FetchException.Kind.RATE_LIMITED, "the daily quota of " + limit + " units is spent",
          Duration.between(now, quotaReset(now)));
    }
    URI uri = pageUri(s, cursor.page());
    HttpResponse<String> response = http.exchange(uri, Map.of("Accept", "application/json", "X-goog-api-key", source.secret()), "GET", null);
    if (response.statusCode() == 403 || response.statusCode() == 429) {
      refused(source, response, now, limit);
    }
    if (response.statusCode() == 400 && cursor.page() != null) {
      // A page token is valid for its query only (a run cut short by the quota resumes the next day): end the run at the
      // newest comment seen; what lay between it and the checkpoint may be missed.
      Instant since = instant(cursor.since());
      Instant top = instant(cursor.top());
      Instant checkpoint = since == null || (top != null && top.isAfter(since)) ? top : since;
      return new FetchResult(List.of(), write(new Cursor(checkpoint == null ? null : checkpoint.toString(), null, null)), false, null, 0, true,
          null, null);
    }
    http.check(uri, response);
    JsonNode page;
    try {
      page = mapper.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new FetchException(FetchException.Kind.GARBAGE, "commentThreads answered something that is not JSON");
    }
    if (page == null || !page.path("items").isArray()) {
      throw new FetchException(FetchException.Kind.GARBAGE, "commentThreads answered without an items array");
    }
    Instant since = instant(cursor.since());
    Instant threshold = since == null ? null : since.minus(Duration.ofMinutes(OVERLAP_MINUTES));
    Instant top = instant(cursor.top());
    List<PostRequest> posts = new ArrayList<>();
    int skipped = 0;
    boolean reachedOld = false;
    for (JsonNode thread : page.path("items")) {
      JsonNode comment = thread.path("snippet").path("topLevelComment");
      Instant published = instant(comment.path("snippet").path("publishedAt").asText(null));
      if (published == null) {
        skipped++;
        continue;
      }
      top = top == null || published.isAfter(top) ? published : top;
      if (threshold != null && published.isBefore(threshold)) {
        reachedOld = true; // newest first: everything after this one is older still
        break;
      }
      List<PostRequest> threadPosts = new ArrayList<>();
      PostRequest first = map(comment, null, source.id());
      if (first == null) {
        skipped++;
      } else {
        threadPosts.add(first);
      }
      for (JsonNode reply : thread.path("replies").path("comments")) {
        PostRequest post = map(reply, comment.path("id").asText(), source.id());
        if (post == null) {
          skipped++;
        } else {
          threadPosts.add(post);
        }
      }
      posts.addAll(0, threadPosts); // threads come newest first; publish oldest first
    }
    String next = page.path("nextPageToken").asText(null);
    Instant newest = posts.stream().map(PostRequest::createdAt).max(Instant::compareTo).orElse(null);
    if (since != null && next != null && !reachedOld) {
      return new FetchResult(posts, write(new Cursor(cursor.since(), next, top == null ? null : top.toString())), true, null, skipped, false, null,
          newest);
    }
    Instant checkpoint = since == null || (top != null && top.isAfter(since)) ? top : since;
    // A run that paged to the end without reaching the checkpoint may have missed comments between them.
    boolean gap = since != null && next == null && !reachedOld && !page.path("items").isEmpty() && cursor.page() != null;
    return new FetchResult(posts, write(new Cursor(checkpoint == null ? null : checkpoint.toString(), null, null)), false, null, skipped, gap,
        null, newest);
  }

  /** 403 quotaExceeded waits for the quota day's end; commentsDisabled and other 403s are refusals; rate limits wait a minute. */
  private void refused(SourceContext source, HttpResponse<String> response, Instant now, int limit) throws FetchException {
    List<String> reasons = new ArrayList<>();
    try {
      mapper.readTree(response.body()).path("error").path("errors").forEach(e -> reasons.add(e.path("reason").asText()));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      reasons.add("unreadable");
    }
    if (reasons.contains("quotaExceeded") || reasons.contains("dailyLimitExceeded")) {
      quota.exhaust(source.id(), quotaDay(now), limit);
      throw new FetchException(FetchException.Kind.RATE_LIMITED, "YouTube answered quotaExceeded", Duration.between(now, quotaReset(now)));
    }
    if (response.statusCode() == 429 || reasons.contains("rateLimitExceeded") || reasons.contains("userRateLimitExceeded")) {
      throw new FetchException(FetchException.Kind.RATE_LIMITED, "YouTube answered " + String.join(", ", reasons), Duration.ofSeconds(60));
    }
    throw new FetchException(FetchException.Kind.REFUSED, "403 from YouTube: " + (reasons.isEmpty() ? "forbidden" : String.join(", ", reasons)));
  }

  static URI pageUri(Map<String, String> s, String pageToken) {
    String base = s.getOrDefault("apiBase", DEFAULT_API).replaceAll("/+$", "");
    StringBuilder uri = new StringBuilder(base).append("/youtube/v3/commentThreads?part=snippet,replies&order=time&textFormat=plainText&maxResults=")
        .append(s.getOrDefault("maxResults", "100"));
    if (s.containsKey("videoId")) {
      uri.append("&videoId=").append(URLEncoder.encode(s.get("videoId"), StandardCharsets.UTF_8));
    } else {
      uri.append("&allThreadsRelatedToChannelId=").append(URLEncoder.encode(s.get("channelId"), StandardCharsets.UTF_8));
    }
    if (pageToken != null) {
      uri.append("&pageToken=").append(URLEncoder.encode(pageToken, StandardCharsets.UTF_8));
    }
    return URI.create(uri.toString());
  }

  /** A comment, or null without id, text or time. Replies get {@code parentUid} and {@code threadUid} of their thread. */
  static PostRequest map(JsonNode comment, String threadId, String sourceName) {
    String id = comment.path("id").asText(null);
    JsonNode snippet = comment.path("snippet");
    String text = snippet.path("textOriginal").isTextual() ? snippet.path("textOriginal").asText() : snippet.path("textDisplay").asText(null);
    Instant published = instant(snippet.path("publishedAt").asText(null));
    if (id == null || id.isBlank() || text == null || text.isBlank() || published == null) {
      return null;
    }
    Instant updated = instant(snippet.path("updatedAt").asText(null));
    String video = snippet.path("videoId").asText(null);
    String url = video == null ? null : "https://www.youtube.com/watch?v=" + URLEncoder.encode(video, StandardCharsets.UTF_8) + "&lc="
        + URLEncoder.encode(id, StandardCharsets.UTF_8);
    String author = snippet.path("authorChannelId").path("value").asText(null);
    String parent = snippet.path("parentId").isTextual() ? PLATFORM + ":" + snippet.path("parentId").asText()
        : threadId == null ? null : PLATFORM + ":" + threadId;
    return new PostRequest(null, PLATFORM, id, url, author, text, null, published,
        updated != null && updated.isAfter(published) ? updated : null, parent, threadId == null ? null : PLATFORM + ":" + threadId, sourceName,
        null);
  }

  private Cursor read(String cursor) throws FetchException {
    if (cursor == null) {
      return new Cursor(null, null, null);
    }
    try {
      return mapper.readValue(cursor, Cursor.class);
    } catch (JsonProcessingException e) {
      throw new FetchException(FetchException.Kind.GARBAGE, "the stored cursor is not a YouTube cursor");
    }
  }

  private String write(Cursor cursor) {
    try {
      return mapper.writeValueAsString(cursor);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant instant(String value) {
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
