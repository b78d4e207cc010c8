package org.modsuite.ingestion.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.modsuite.ingestion.rest.ImportView;

/** The progress of one import, updated by the importing thread and read by {@code GET /api/v1/imports/{id}}. */
final class ImportJob {

  static final int KEPT_REJECTIONS = 1000;

  private final String id;
  private final String format;
  private final Instant startedAt;
  private final Clock clock;
  final AtomicLong rowsRead = new AtomicLong();
  final AtomicLong published = new AtomicLong();
  final AtomicLong duplicates = new AtomicLong();
  final AtomicLong rejected = new AtomicLong();
  private final List<ImportView.Rejection> rejections = new ArrayList<>();
  private volatile String status = "running";
  private volatile Instant finishedAt;
  private volatile String error;

  ImportJob(String id, String format, Clock clock) {
    this.id = id;
    this.format = format;
    this.clock = clock;
    this.startedAt = clock.instant();
  }

  String id() {
    return id;
  }

  Instant startedAt() {
    return startedAt;
  }

  synchronized void reject(long line, String reason) {
    rejected.incrementAndGet();
    if (rejections.size() < KEPT_REJECTIONS) {
      rejections.add(new ImportView.Rejection(line, reason));
    }
  }

  void finish(String failure) {
    error = failure;
    finishedAt = clock.instant();
    status = failure == null ? "completed" : "failed";
  }

  synchronized ImportView view() {
    Instant end = finishedAt != null ? finishedAt : clock.instant();
    double seconds = Math.max(0.001, Duration.between(startedAt, end).toNanos() / 1e9);
    return new ImportView(id, format, status, startedAt, finishedAt, rowsRead.get(), published.get(), duplicates.get(), rejected.get(),
        List.copyOf(rejections), Math.round(rowsRead.get() / seconds * 10) / 10.0, error);
  }
}
