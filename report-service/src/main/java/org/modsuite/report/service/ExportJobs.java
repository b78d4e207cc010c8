package org.modsuite.report.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import org.modsuite.report.export.ExportFormat;

/**
 * Exports run in the background for the dashboard, so that a long one shows its progress (rows written of the rows
 * counted first) and is downloaded when it is done. At most two run at once, the others wait their turn. The file
 * goes to a temporary folder and is deleted an hour after the job ended. Jobs live in this replica's memory: with
 * several replicas the dashboard needs session affinity, and a restart forgets running jobs (start them again).
 */
@ApplicationScoped
public class ExportJobs {

  static final Duration KEEP = Duration.ofHours(1);
  private static final int PARALLEL = 2;

  /** queued → counting → writing → done, or failed. */
  public enum State { QUEUED, COUNTING, WRITING, DONE, FAILED }

  /** One export job; progress fields are updated by the worker thread and read by the pages. */
  public static final class Job {
    private final UUID id = UUID.randomUUID();
    private final String owner;
    private final ExportService.Kind kind;
    private final ExportFormat format;
    private final LocalDate from;
    private final LocalDate to;
    private final Instant startedAt = Instant.now();
    private final AtomicReference<State> state = new AtomicReference<>(State.QUEUED);
    private final AtomicLong rowsWritten = new AtomicLong();
    private volatile Long total;
    private volatile Path file;
    private volatile Instant endedAt;
    private volatile String error;

    Job(String owner, ExportService.Kind kind, ExportFormat format, LocalDate from, LocalDate to) {
      this.owner = owner;
      this.kind = kind;
      this.format = format;
      this.from = from;
      this.to = to;
    }

    public UUID id() {
      return id;
    }

    public String owner() {
      return owner;
    }

    public String kind() {
      return kind.name().toLowerCase(Locale.ROOT);
    }

    public String format() {
      return format.extension();
    }

    public LocalDate from() {
      return from;
    }

    public LocalDate to() {
      return to;
    }

    public State state() {
      return state.get();
    }

    public boolean finished() {
      return state() == State.DONE || state() == State.FAILED;
    }

    public boolean done() {
      return state() == State.DONE;
    }

    public boolean failed() {
      return state() == State.FAILED;
    }

    /** The message-bundle key of the state: export_state_queued, …_counting, …_writing, …_done, …_failed. */
    public String stateKey() {
      return "export_state_" + state().name().toLowerCase(Locale.ROOT);
    }

    public long rowsWritten() {
      return rowsWritten.get();
    }

    /** Rows counted before writing; null until counted. */
    public Long total() {
      return total;
    }

    /** Whole per cent of the rows written, 0–100 (100 for an empty export that is done). */
    public int percent() {
      Long t = total;
      if (t == null) {
        return 0;
      }
      return t == 0 ? (state() == State.DONE ? 100 : 0) : (int) Math.min(100, rowsWritten() * 100 / t);
    }

    public String error() {
      return error;
    }

    public Instant startedAt() {
      return startedAt;
    }

    public Instant endedAt() {
      return endedAt;
    }

    /** The name the browser saves the file under. */
    public String fileName() {
      return format.fileName(kind() + "-" + from + "-" + to);
    }

    public String mediaType() {
      return format.mediaType();
    }

    /** The written file, once done. */
    public Optional<Path> file() {
      return state() == State.DONE ? Optional.ofNullable(file) : Optional.empty();
    }
  }

  private final ExportService exports;
  private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
  private final ExecutorService workers = Executors.newFixedThreadPool(PARALLEL, r -> {
    Thread t = new Thread(r, "export-job");
    t.setDaemon(true);
    return t;
  });

  public ExportJobs(ExportService exports) {
    this.exports = exports;
  }

  /** Queues an export of the whole UTC days [from, to] for {@code owner}; the caller has checked the role and audits. */
  public Job start(String owner, ExportService.Kind kind, ExportFormat format, LocalDate from, LocalDate to) {
    Job job = new Job(owner, kind, format, from, to);
    jobs.put(job.id, job);
    workers.submit(() -> run(job));
    return job;
  }

  /** The job, only for the user who started it. */
  public Optional<Job> find(UUID id, String owner) {
    return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner.equals(owner));
  }

  private void run(Job job) {
    Instant start = job.from.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    Instant end = job.to.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    Path file = null;
    try {
      job.state.set(State.COUNTING);
      job.total = exports.count(job.kind, start, end);
      job.state.set(State.WRITING);
      file = Files.createTempFile(folder(), "export-", "." + job.format.extension());
      try (OutputStream out = Files.newOutputStream(file)) {
        exports.export(job.kind, job.format, start, end, out, job.rowsWritten::set);
      }
      job.file = file;
      job.state.set(State.DONE);
    } catch (IOException | RuntimeException e) {
      // The message names the query or the file, never row content.
      Log.warnf("export job %s (%s) failed: %s", job.id, job.kind(), e.getMessage());
      job.error = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
      job.state.set(State.FAILED);
      delete(file);
    } finally {
      job.endedAt = Instant.now();
    }
  }

  /** Forgets jobs that ended more than an hour ago and deletes their files. */
  @Scheduled(every = "10m", delayed = "10m")
  void sweep() {
    Instant limit = Instant.now().minus(KEEP);
    jobs.values().removeIf(job -> {
      boolean old = job.endedAt != null && job.endedAt.isBefore(limit);
      if (old) {
        delete(job.file);
      }
      return old;
    });
  }

  @PreDestroy
  void stop() {
    workers.shutdownNow();
    jobs.values().forEach(job -> delete(job.file));
  }

  private static Path folder() throws IOException {
    return Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "modsuite-exports"));
  }

  private static void delete(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        Log.debugf("export file %s not deleted: %s", file, e.getMessage());
      }
    }
  }
}
