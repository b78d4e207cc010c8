package org.modsuite.ingestion.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import org.modsuite.ingestion.config.IngestionConfig;
import org.modsuite.ingestion.connector.FetchException;
import org.modsuite.ingestion.connector.JetstreamFrame;
import org.modsuite.ingestion.connector.JetstreamSettings;
import org.modsuite.ingestion.repository.SourceRecord;
import org.modsuite.ingestion.repository.SourceRepository;
import org.modsuite.ingestion.rest.PostRequest;

/**
 * The WebSocket of one Bluesky source, on a thread of its own. Frames are read into a bounded queue (a full queue
 * stops reading, so a slow Kafka slows the socket, not the heap) and published in batches; after Kafka acknowledged a
 * batch the cursor moves to its last {@code time_us}, and at most every {@code commit-interval} that cursor and the
 * commit keys of the overlap window are written in one transaction. A (re)connect resumes at the cursor minus the
 * overlap: Jetstream replays from there (inclusively) and the replayed commits are dropped by their
 * {@code did/collection/rkey/rev} key, which survives a restart in the source's seen-set.
 */
final class JetstreamSession implements StreamSession {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int QUEUE = 10_000;

  private final String id;
  private final Instant version;
  private final Map<String, String> settings;
  private final SourceRepository repository;
  private final PostIngestService ingest;
  private final SourceStats stats;
  private final Validator validator;
  private final IngestionConfig config;
  private final SourceBreaker breaker;
  private final Clock clock = Clock.systemUTC();
  private final Thread thread;
  private final ExecutorService socketThreads;
  private final HttpClient client;
  private final BlockingQueue<String> frames = new LinkedBlockingQueue<>(QUEUE);
  /** Commit key to time_us of the commits in the overlap window: what a replay must not publish again. */
  private final Map<String, Long> recent = new HashMap<>();
  private volatile boolean stopped;
  private volatile boolean connected;
  private volatile String closedBecause;
  private volatile WebSocket socket;
  /** Frames of an earlier, aborted socket that arrive late are dropped: they are replayed from the cursor anyway. */
  private volatile int generation;
  private Long cursor;
  private boolean dirty;
  private Instant newest;
  private Instant lastCommit = Instant.EPOCH;

  JetstreamSession(SourceRecord source, SourceRepository repository, PostIngestService ingest, SourceStats stats, Validator validator,
      IngestionConfig config) {
    this.id = source.id();
    this.version = source.updatedAt();
    this.settings = Map.copyOf(source.settings());
    this.repository = repository;
    this.ingest = ingest;
    this.stats = stats;
    this.validator = validator;
    this.config = config;
    this.breaker = new SourceBreaker(config.polling());
    this.cursor = source.cursor() == null || !source.cursor().matches("^[0-9]{1,19}$") ? null : Long.parseLong(source.cursor());
    repository.seen(id).forEach((k, v) -> recent.put(k, v.matches("^[0-9]{1,19}$") ? Long.parseLong(v) : 0L));
    this.socketThreads = Executors.newSingleThreadExecutor(r -> StreamThreads.daemon(r, "jetstream-socket-" + id));
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.polling().httpTimeout()).executor(socketThreads).build();
    this.thread = StreamThreads.daemon(this::run, "jetstream-" + id);
  }

  @Override
  public void start() {
    thread.start();
  }

  /** Closes the socket and writes the acknowledged cursor. */
  @Override
  public void stop() {
    stopped = true;
    StreamThreads.stop(thread, socketThreads);
  }

  Map<String, String> settings() {
    return settings;
  }

  @Override
  public SourceBreaker breaker() {
    return breaker;
  }

  /** {@code streaming} while connected, else the breaker's state (backing_off, circuit_open ...). */
  @Override
  public String state() {
    return connected ? "streaming" : breaker.state().name().toLowerCase(java.util.Locale.ROOT);
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
        connect();
        stream();
      } catch (FetchException e) {
        failed(e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        // Kafka did not acknowledge, or the database failed: the cursor stays at the last acknowledged batch.
        failed(e.getClass().getSimpleName() + ": " + e.getMessage());
      } finally {
        connected = false;
        WebSocket ws = socket;
        if (ws != null) {
          ws.abort();
        }
        frames.clear(); // what was not published is replayed from the cursor
      }
    }
    commit(true);
  }

  private void connect() throws FetchException, InterruptedException {
    Long from = cursor == null ? null : Math.max(0, cursor - config.jetstream().overlap().toNanos() / 1000);
    URI uri = JetstreamSettings.subscribeUri(settings, from);
    closedBecause = null;
    int current = ++generation;
    frames.clear();
    try {
      socket = client.newWebSocketBuilder().connectTimeout(config.polling().httpTimeout()).buildAsync(uri, new Listener(current))
          .get(config.polling().httpTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new FetchException(FetchException.Kind.TRANSIENT, "cannot connect to " + uri.getHost() + ": " + cause.getClass().getSimpleName());
    }
    connected = true;
    breaker.success(clock.instant(), Duration.ZERO, null);
    Log.debugf("source %s: Jetstream connected from cursor %s", id, from);
  }

  private void stream() throws FetchException, InterruptedException {
    List<String> batch = new ArrayList<>();
    while (!stopped) {
      String first = frames.poll(200, TimeUnit.MILLISECONDS);
      if (first != null) {
        batch.add(first);
        frames.drainTo(batch, config.jetstream().batchSize() - 1);
        publish(batch);
        batch.clear();
      } else if (closedBecause != null) {
        throw new FetchException(FetchException.Kind.TRANSIENT, "the stream closed: " + closedBecause);
      }
      commit(false);
    }
  }

  /** Publishes a batch and, once Kafka acknowledged it, moves the cursor past it. */
  private void publish(List<String> batch) {
    List<PostRequest> posts = new ArrayList<>();
    Map<String, Long> keys = new HashMap<>();
    long last = cursor == null ? 0 : cursor;
    int skipped = 0;
    for (String text : batch) {
      JetstreamFrame frame;
      try {
        frame = JetstreamFrame.parse(JSON.readTree(text), id);
      } catch (java.io.IOException | IllegalArgumentException e) {
        skipped++;
        Log.debugf("source %s: skipped an unreadable Jetstream frame (%d characters)", id, text.length());
        continue;
      }
      last = Math.max(last, frame.timeUs());
      if (frame.key() != null && (recent.containsKey(frame.key()) || keys.containsKey(frame.key()))) {
        continue; // replayed from the overlap
      }
      if (frame.key() != null) {
        keys.put(frame.key(), frame.timeUs());
      }
      if (frame.post() == null) {
        skipped++;
      } else if (validator.validate(frame.post()).isEmpty()) {
        posts.add(frame.post());
      } else {
        skipped++;
      }
    }
    int published = posts.isEmpty() ? 0 : ingest.ingest(posts).await().atMost(config.polling().httpTimeout().multipliedBy(6)).accepted();
    // Acknowledged: the batch is done.
    recent.putAll(keys);
    posts.forEach(p -> newest = newest == null || p.createdAt().isAfter(newest) ? p.createdAt() : newest);
    if (cursor == null || last > cursor) {
      cursor = last;
      dirty = true;
    }
    stats.published(id, published);
    stats.skipped(id, skipped);
  }

  private void commit(boolean force) {
    Instant now = clock.instant();
    if (!dirty || cursor == null || (!force && Duration.between(lastCommit, now).compareTo(config.jetstream().commitInterval()) < 0)) {
      return;
    }
    long floor = cursor - config.jetstream().overlap().toNanos() / 1000;
    recent.values().removeIf(t -> t < floor);
    Map<String, String> seen = new HashMap<>();
    recent.forEach((k, v) -> seen.put(k, String.valueOf(v)));
    try {
      if (!repository.commitPage(id, String.valueOf(cursor), newest, seen, now, version)) {
        stopped = true; // the source was changed, paused or deleted meanwhile: its new version starts afresh
      }
      dirty = false;
      lastCommit = now;
      stats.poll(id, "ok");
    } catch (RuntimeException e) {
      Log.warnf("source %s: cannot commit the Jetstream cursor: %s", id, e.getMessage());
    }
  }

  private void failed(String message) {
    Instant now = clock.instant();
    breaker.failure(now, null);
    stats.poll(id, "transient");
    Log.warnf("source %s: %s; reconnecting at %s", id, message, breaker.nextAttempt());
    commit(true);
    try {
      repository.recordFailure(id, "transient: " + message, now);
    } catch (RuntimeException e) {
      Log.warnf("source %s: cannot record the failure: %s", id, e.getMessage());
    }
  }


  /** Assembles text frames (they may come in parts) and queues them; asks for the next one only when queued. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    private final int of;

    Listener(int of) {
      this.of = of;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last && of != generation) {
        partial.setLength(0);
      } else if (last) {
        String frame = partial.toString();
        partial.setLength(0);
        try {
          while (!stopped && !frames.offer(frame, 200, TimeUnit.MILLISECONDS)) {
            // full: Kafka is slower than the stream; wait rather than drop
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return null;
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      if (of != generation) {
        return null;
      }
      closedBecause = "closed by the server (" + statusCode + ")";
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      if (of != generation) {
        return;
      }
      closedBecause = error.getClass().getSimpleName();
    }
  }
}
