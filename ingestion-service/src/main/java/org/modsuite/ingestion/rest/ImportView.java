package org.modsuite.ingestion.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Progress and outcome of one import. */
@Schema(description = "An import of a JSONL or CSV upload")
public record ImportView(
    String id,
    @Schema(description = "jsonl or csv") String format,
    @Schema(description = "running, completed or failed") String status,
    Instant startedAt,
    Instant finishedAt,
    @Schema(description = "Data rows read so far (the CSV header and blank lines are not rows)") long rowsRead,
    @Schema(description = "Posts published and acknowledged by Kafka") long published,
    @Schema(description = "Posts dropped as versions published before") long duplicates,
    @Schema(description = "Rows rejected") long rejected,
    @Schema(description = "The first 1,000 rejected rows: line number and reason") List<Rejection> rejections,
    @Schema(description = "Rows per second over the import so far") double rowsPerSecond,
    @Schema(description = "Why a failed import stopped") String error) {

  /** A rejected row: its 1-based line in the upload and why. */
  public record Rejection(long line, String reason) {
  }
}
