package org.modsuite.ingestion.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import org.modsuite.events.PostOp;
import org.modsuite.ingestion.config.IngestionConfig;
import org.modsuite.ingestion.connector.MastodonStatusMapper;
import org.modsuite.ingestion.repository.MastodonStatusIds;
import org.modsuite.ingestion.repository.SourceRecord;
import org.modsuite.ingestion.repository.SourceRepository;
import org.modsuite.ingestion.rest.PostRequest;

/**
 * The streaming API (SSE, INGESTION-SOURCES.md §1.6, §1.9) of a Mastodon source with {@code stream=true}, beside its
 * polling: the timeline's own stream ({@code /api/v1/streaming/hashtag?tag=…}, {@code /public}, {@code /public/local})
 * with the source's token (a user token since Mastodon 4.2). Creates stay with polling, which is gap-free
 * ({@code min_id}) and resolves threads; the stream adds what REST cannot tell:
 *
 * <ul>
 *   <li>{@code delete} (payload: the local status id) → {@code op=delete} of {@code mastodon:{uri}}, when the id was
 *       read before by this source (polled or streamed, remembered 30 days); else it is not ours and is skipped;
 *   <li>{@code status.update} (an edited Status) → {@code op=update}, the parent from a remembered
 *       {@code in_reply_to_id};
 *   <li>{@code update} (a new Status): its id is remembered, the post itself comes from polling.
 * </ul>
 *
 * There is no replay: events while disconnected are lost (polling still sees creates; edits and deletes of that time
 * are not). A closed or failed stream reconnects with the sources' back-off.
 */
final class MastodonStreamSession implements StreamSession {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String id;
  private final Map<String, String> settings;
  private final String token;
  private final MastodonStatusIds statusIds;
  private final PostIngestService ingest;
  private final SourceStats stats;
  private final SourceRepository repository;
  private final Validator validator;
  private final IngestionConfig config;
  private final SourceBreaker breaker;
  private final Clock clock = Clock.systemUTC();
  private final ExecutorService httpThreads;
  private final HttpClient client;
  private final Thread thread;
  private volatile boolean stopped;
  private volatile boolean connected;

  MastodonStreamSession(SourceRecord source, SourceRepository repository, MastodonStatusIds statusIds, PostIngestService ingest, SourceStats stats,
      Validator validator, IngestionConfig config) {
    this.id = source.id();
    this.settings = Map.copyOf(source.settings());
    this.token = source.secretCipher() == null ? null : new SecretCipher(config.secretKey()).decrypt(id, source.secretCipher());
    this.repository = repository;
    this.statusIds = statusIds;
    this.ingest = ingest;
    this.stats = stats;
    this.validator = validator;
    this.config = config;
    this.breaker = new SourceBreaker(config.polling());
    this.httpThreads = Executors.newSingleThreadExecutor(r -> StreamThreads.daemon(r, "mastodon-stream-http-" + id));
    this.client = HttpClient.newBuilder().connectTimeout(config.polling().httpTimeout()).executor(httpThreads).build();
    this.thread = StreamThreads.daemon(this::run, "mastodon-stream-" + id);
  }

  @Override
  public void start() {
    thread.start();
  }

  @Override
  public void stop() {
    stopped = true;
    StreamThreads.stop(thread, httpThreads);
  }

  @Override
  public String state() {
    return connected ? "streaming" : breaker.state().name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public SourceBreaker breaker() {
    return breaker;
  }

  /** The SSE URL of the source's timeline. */
  static URI streamUri(Map<String, String> s) {
    String base = s.get("instance").replaceAll("/+$", "") + "/api/v1/streaming/";
    if (s.containsKey("hashtag")) {
      return URI.create(base + "hashtag?tag=" + URLEncoder.encode(s.get("hashtag"), StandardCharsets.UTF_8));
    }
    return URI.create(base + ("true".equals(s.get("local")) ? "public/local" : "public"));
  }

  private void run() {
    while (!stopped) {
      Instant now = clock.instant();
      if (!breaker.due(now)) {
        StreamThreads.sleep(Math.min(200, Math.max(1, Duration.between(now, breaker.nextAttempt()).toMillis())));
        continue;
      }
      breaker.attempting();
      try {
        if (stream() && !stopped) {
          failed("the stream ended", false);
        }
      } catch (IOException e) {
        if (!stopped) {
          failed("the stream broke: " + e.getClass().getSimpleName(), false);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        failed(e.getClass().getSimpleName() + ": " + e.getMessage(), false);
      } finally {
        connected = false;
      }
    }
  }

  /** Reads the stream until it ends (true) or is refused (false, the failure recorded). */
  private boolean stream() throws IOException, InterruptedException {
    if (token == null) {
      failed("the streaming API needs a user token (secret)", true);
      return false;
    }
    URI uri = streamUri(settings);
    HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET()
        .build();
    HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      if (response.statusCode() != 200) {
        failed(response.statusCode() + " from " + uri.getHost() + " for the stream", response.statusCode() / 100 == 4);
        return false;
      }
      connected = true;
      breaker.success(clock.instant(), Duration.ZERO, null);
      Log.debugf("source %s: Mastodon stream connected", id);
      String event = null;
      StringBuilder data = new StringBuilder();
      String line;
      while (!stopped && (line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (event != null) {
            handle(event, data.toString());
          }
          event = null;
          data.setLength(0);
        } else if (line.startsWith("event:")) {
          event = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
          data.append(data.length() == 0 ? "" : "\n").append(line.substring(5).trim());
        } // ":thump" heartbeats and other fields are ignored
      }
    }
    return true;
  }

  private void handle(String event, String data) {
    Instant now = clock.instant();
    switch (event) {
      case "delete" -> {
        Optional<String> uri = statusIds.uri(id, data);
        if (uri.isEmpty()) {
          stats.skipped(id, 1); // a status this source never read
          return;
        }
        publish(new PostRequest(null, MastodonStatusMapper.PLATFORM, uri.get(), null, null, "", null, now.truncatedTo(ChronoUnit.MILLIS), null,
            null, null, id, PostOp.DELETE));
      }
      case "update", "status.update" -> {
        JsonNode status;
        try {
          status = JSON.readTree(data);
        } catch (IOException e) {
          stats.skipped(id, 1);
          return;
        }
        if (status.path("id").isTextual() && status.path("uri").isTextual()) {
          statusIds.remember(id, Map.of(status.path("id").asText(), status.path("uri").asText()), now);
        }
        if (event.equals("status.update")) {
          MastodonStatusMapper.map(status, id).ifPresentOrElse(post -> {
            String parent = status.path("in_reply_to_id").isTextual()
                ? statusIds.uri(id, status.path("in_reply_to_id").asText()).map(u -> MastodonStatusMapper.PLATFORM + ":" + u).orElse(null) : null;
            publish(MastodonStatusMapper.inThread(post, parent, null));
          }, () -> stats.skipped(id, 1));
        }
      }
      default -> {
        // notification, filters_changed, announcements: not posts
      }
    }
  }

  private void publish(PostRequest post) {
    if (!validator.validate(post).isEmpty()) {
      stats.skipped(id, 1);
      return;
    }
    int published = ingest.ingest(List.of(post)).await().atMost(config.polling().httpTimeout().multipliedBy(6)).accepted();
    stats.published(id, published);
  }

  private void failed(String message, boolean configuration) {
    Instant now = clock.instant();
    breaker.failure(now, null);
    if (configuration) {
      breaker.rateLimited(now, config.polling().breakerOpen()); // a configuration error: retry rarely until it is fixed
    }
    Log.warnf("source %s: %s; reconnecting at %s", id, message, breaker.nextAttempt());
    try {
      repository.recordFailure(id, (configuration ? "refused: " : "transient: ") + message, now);
    } catch (RuntimeException e) {
      Log.warnf("source %s: cannot record the failure: %s", id, e.getMessage());
    }
  }
}
