package org.modsuite.report.export;

import java.io.IOException;
import java.util.List;

/**
 * Writes one table row by row, so that an export of a million rows never holds them all. Call {@link #header} once,
 * then {@link #row} for each row (with as many values as the header has columns), then {@link #close}, which finishes
 * the document and flushes it but leaves the {@link java.io.OutputStream} open: the caller owns it (a JAX-RS
 * {@code StreamingOutput}, a ZIP entry).
 *
 * <p>Values: {@code null} is an empty cell; {@code Instant} and {@code OffsetDateTime} are ISO-8601 in UTC
 * ({@code 2025-07-01T10:15:30Z}); {@code LocalDate} is {@code YYYY-MM-DD}; numbers stay numbers in XLSX and JSON; a
 * collection is JSON array text in CSV and XLSX and an array in JSON; enums are their names.
 */
public interface TableWriter extends AutoCloseable {

    void header(List<String> columns) throws IOException;

    void row(List<?> values) throws IOException;

    /** Rows written so far, the header not counted. */
    long rowCount();

    @Override
    void close() throws IOException;
}
