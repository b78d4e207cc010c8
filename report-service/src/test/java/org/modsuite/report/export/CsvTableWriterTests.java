package org.modsuite.report.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvTableWriterTests {

    @Test
    void roundTripsValuesWithCommasQuotesAndLineBreaks() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter csv = TableWriters.open(ExportFormat.CSV, out)) {
            csv.header(List.of("id", "text", "when", "day", "tags", "score", "none"));
            csv.row(Arrays.asList(1L, "a, b", Instant.parse("2025-07-01T10:15:30Z"), LocalDate.of(2025, 7, 1),
                    List.of("X", "Y"), 0.25, null));
            csv.row(Arrays.asList(2L, "say \"hi\"\nthen go", OffsetDateTime.of(2025, 7, 1, 12, 0, 0, 0,
                    ZoneOffset.ofHours(2)), null, List.of(), new BigDecimal("1E+3"), ""));
            assertThat(csv.rowCount()).isEqualTo(2);
        }
        String text = out.toString(StandardCharsets.UTF_8);

        assertThat(text).startsWith("id,text,when,day,tags,score,none\n")
                .contains("1,\"a, b\",2025-07-01T10:15:30Z,2025-07-01,\"[\"\"X\"\",\"\"Y\"\"]\",0.25,\n")
                .contains("\"say \"\"hi\"\"\nthen go\"")
                .doesNotContain("\r");
        List<CSVRecord> records = CSVParser.parse(new StringReader(text), CsvTableWriter.FORMAT).getRecords();
        assertThat(records).hasSize(3);
        assertThat(records.get(1).values())
                .containsExactly("1", "a, b", "2025-07-01T10:15:30Z", "2025-07-01", "[\"X\",\"Y\"]", "0.25", "");
        assertThat(records.get(2).values())
                .containsExactly("2", "say \"hi\"\nthen go", "2025-07-01T10:00:00Z", "", "[]", "1000", "");
    }

    @Test
    void leavesTheCallersStreamOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        try (TableWriter csv = TableWriters.open(ExportFormat.CSV, out)) {
            csv.header(List.of("a"));
            csv.row(List.of("é ü ß 😀"));
        }
        assertThat(closed[0]).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a\né ü ß 😀\n");
    }

    @Test
    void refusesRowsOfTheWrongWidthAndRowsBeforeTheHeader() throws IOException {
        try (TableWriter csv = TableWriters.open(ExportFormat.CSV, new ByteArrayOutputStream())) {
            assertThatThrownBy(() -> csv.row(List.of("x"))).isInstanceOf(IllegalStateException.class);
            csv.header(List.of("a", "b"));
            assertThatThrownBy(() -> csv.row(List.of("x"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1 values").hasMessageContaining("2 columns");
        }
    }
}
