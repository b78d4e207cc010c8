package org.modsuite.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Streams 100,000 38-column dump rows ({@code -Dexport.memory.rows=1000000}: a million) through the CSV and XLSX writers
 * into a stream that only counts bytes, and checks that the heap in use (after GC, measured while the writer is open) grows by less than 64 MB: nothing may
 * keep the rows.
 */
class TableWritersMemoryTests {

    private static final long ROWS = Long.getLong("export.memory.rows", 100_000L);
    private static final long BOUND = 64L << 20;
    private static final long CHECK_EVERY = Math.max(1, ROWS / 5);

    @Test
    void csvStreamsAMillionRowsInBoundedMemory() throws IOException {
        stream(ExportFormat.CSV);
    }

    @Test
    void xlsxStreamsAMillionRowsInBoundedMemory() throws IOException {
        stream(ExportFormat.XLSX);
    }

    private static void stream(ExportFormat format) throws IOException {
        Map<String, Object> statement = StatementCsvColumnsTests.illegalSpeech();
        CountingOutputStream out = new CountingOutputStream();
        long before = usedAfterGc();
        long peak = 0;
        long start = System.nanoTime();
        try (TableWriter writer = TableWriters.open(format, out, TableOptions.named("statements"))) {
            writer.header(StatementCsvColumns.FULL);
            for (long i = 1; i <= ROWS; i++) {
                statement.put("uuid", "0b6c1b1e-5a37-4d5c-9f7e-" + String.format("%012d", i));
                statement.put("puid", "post-" + i);
                statement.put("created_at", Instant.ofEpochSecond(1_751_328_000L + i));
                statement.put("content_date", LocalDate.ofEpochDay(20_000 + i % 300));
                writer.row(StatementCsvColumns.fullRow(statement));
                if (i % CHECK_EVERY == 0) {
                    peak = Math.max(peak, usedAfterGc() - before);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %,d rows x %d columns in %.1f s = %,.0f rows/s, %,d bytes, heap growth %.1f MB%n",
                format, ROWS, StatementCsvColumns.FULL.size(), seconds, ROWS / seconds, out.count,
                peak / 1048576.0);

        assertThat(out.count).isGreaterThan(ROWS * 10);
        assertThat(peak).as("heap growth while streaming").isLessThan(BOUND);
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        List<Long> samples = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            System.gc();
            samples.add(runtime.totalMemory() - runtime.freeMemory());
        }
        return samples.stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    /** Counts what it is given and keeps none of it. */
    private static final class CountingOutputStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
