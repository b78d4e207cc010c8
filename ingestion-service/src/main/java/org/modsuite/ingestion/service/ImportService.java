package org.modsuite.ingestion.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.logging.Log;
import org.modsuite.events.PostOp;
import org.modsuite.ingestion.rest.ImportView;
import org.modsuite.ingestion.rest.IngestResult;
import org.modsuite.ingestion.rest.PostRequest;
import org.modsuite.support.rest.JsonPaths;

/**
 * Imports an upload of posts, JSONL (one {@code POST /api/v1/posts} object per line) or CSV (a header row naming the
 * same fields), read as a stream: rows are parsed and validated one by one, good rows published in batches of 500 with
 * up to four batches awaiting Kafka's acknowledgement at once, bad rows rejected with their line number and reason.
 * Memory stays flat whatever the size. Progress is kept in memory for the last 100 imports.
 */
@ApplicationScoped
public class ImportService {

  static final int BATCH = 500;
  static final int BATCHES_IN_FLIGHT = 4;

  private final PostIngestService ingest;
  private final ObjectMapper mapper;
  private final CsvMapper csv = new CsvMapper();
  private final Validator validator;
  private final Clock clock = Clock.systemUTC();
  private final Cache<String, ImportJob> jobs = Caffeine.newBuilder().maximumSize(100).build();

  public ImportService(PostIngestService ingest, ObjectMapper mapper, Validator validator) {
    this.ingest = ingest;
    this.mapper = mapper;
    this.validator = validator;
  }

  public Optional<ImportView> get(String id) {
    return Optional.ofNullable(jobs.getIfPresent(id)).map(ImportJob::view);
  }

  public List<ImportView> list() {
    return jobs.asMap().values().stream().sorted(Comparator.comparing(ImportJob::startedAt).reversed()).map(ImportJob::view).toList();
  }

  /** Reads the whole upload on the calling (worker) thread and answers the final state. */
  public ImportView run(String format, InputStream body) {
    ImportJob job = new ImportJob(UUID.randomUUID().toString(), format, clock);
    jobs.put(job.id(), job);
    Log.infof("import %s (%s) started", job.id(), format);
    Deque<CompletableFuture<IngestResult>> inFlight = new ArrayDeque<>();
    List<PostRequest> batch = new ArrayList<>(BATCH);
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16)) {
      RowSink sink = post -> {
        batch.add(post);
        if (batch.size() == BATCH) {
          send(job, new ArrayList<>(batch), inFlight);
          batch.clear();
        }
      };
      if (format.equals("csv")) {
        readCsv(job, reader, sink);
      } else {
        readJsonl(job, reader, sink);
      }
      if (!batch.isEmpty()) {
        send(job, new ArrayList<>(batch), inFlight);
      }
      while (!inFlight.isEmpty()) {
        account(job, inFlight.poll());
      }
      job.finish(null);
    } catch (IOException | UncheckedIOException e) {
      job.finish("the upload could not be read: " + e.getMessage());
    } catch (RuntimeException e) {
      // Kafka did not acknowledge: rows before are published; importing the file again is safe (duplicates are dropped).
      job.finish("posts.ingested did not acknowledge a batch: " + e.getMessage());
    }
    ImportView view = job.view();
    Log.infof("import %s %s: %d rows, %d published, %d duplicates, %d rejected, %.0f rows/s", job.id(), view.status(), view.rowsRead(),
        view.published(), view.duplicates(), view.rejected(), view.rowsPerSecond());
    return view;
  }

  private void send(ImportJob job, List<PostRequest> batch, Deque<CompletableFuture<IngestResult>> inFlight) {
    if (inFlight.size() >= BATCHES_IN_FLIGHT) {
      account(job, inFlight.poll());
    }
    inFlight.add(ingest.ingest(batch).subscribeAsCompletionStage());
  }

  private static void account(ImportJob job, CompletableFuture<IngestResult> pending) {
    try {
      IngestResult result = pending.join();
      job.published.addAndGet(result.accepted());
      job.duplicates.addAndGet(result.duplicates());
    } catch (CompletionException e) {
      throw new IllegalStateException(e.getCause() != null ? e.getCause().getMessage() : e.getMessage(), e);
    }
  }

  /** Takes each valid row. */
  private interface RowSink {
    void accept(PostRequest post);
  }

  private void readJsonl(ImportJob job, BufferedReader reader, RowSink sink) throws IOException {
    long line = 0;
    for (String text = reader.readLine(); text != null; text = reader.readLine()) {
      line++;
      if (text.isBlank()) {
        continue;
      }
      job.rowsRead.incrementAndGet();
      try {
        accept(job, line, mapper.readValue(text, PostRequest.class), sink);
      } catch (JsonMappingException e) {
        job.reject(line, JsonPaths.of(e) + ": " + JsonPaths.reason(e));
      } catch (JsonProcessingException e) {
        job.reject(line, "not a JSON object: " + e.getOriginalMessage());
      }
    }
  }

  private void readCsv(ImportJob job, BufferedReader reader, RowSink sink) throws IOException {
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    try (MappingIterator<Map<String, String>> rows = csv.readerFor(Map.class).with(schema).readValues(reader)) {
      while (true) {
        Map<String, String> row;
        long line;
        try {
          if (!rows.hasNextValue()) {
            break;
          }
          // After hasNextValue the parser stands on the row's first value: its line is the row's line.
          line = rows.getCurrentLocation().getLineNr();
          row = rows.nextValue();
        } catch (IOException | RuntimeException e) {
          long at = rows.getCurrentLocation() == null ? -1 : rows.getCurrentLocation().getLineNr();
          job.rowsRead.incrementAndGet();
          job.reject(at, "unreadable CSV row: " + e.getMessage().lines().findFirst().orElse(""));
          if (e instanceof IOException io) {
            throw io;
          }
          continue;
        }
        job.rowsRead.incrementAndGet();
        Map<String, String> fields = new HashMap<>();
        row.forEach((k, v) -> {
          if (v != null && !v.isEmpty()) {
            fields.put(k.trim(), v);
          }
        });
        try {
          accept(job, line, mapper.convertValue(fields, PostRequest.class), sink);
        } catch (IllegalArgumentException e) {
          String reason = e.getCause() instanceof JsonMappingException m ? JsonPaths.of(m) + ": " + JsonPaths.reason(m) : e.getMessage();
          job.reject(line, reason);
        }
      }
    }
  }

  private void accept(ImportJob job, long line, PostRequest post, RowSink sink) {
    List<String> errors = new ArrayList<>();
    validator.validate(post).forEach(v -> errors.add(v.getPropertyPath() + ": " + v.getMessage()));
    if (post.text() != null && post.text().isBlank() && post.effectiveOp() != PostOp.DELETE) {
      errors.add("text: must not be blank");
    }
    if (errors.isEmpty()) {
      sink.accept(post);
    } else {
      errors.sort(Comparator.naturalOrder());
      job.reject(line, String.join("; ", errors));
    }
  }
}
