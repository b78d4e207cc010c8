package org.modsuite.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTableWriterTests {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void writesAnArrayOfObjectsKeyedByColumnWithJsonTypes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter json = TableWriters.open(ExportFormat.JSON, out)) {
            json.header(List.of("id", "text", "when", "day", "tags", "score", "ok", "none", "extra"));
            json.row(Arrays.asList(7L, "a \"quoted\"\nline", Instant.parse("2025-07-01T10:15:30Z"),
                    LocalDate.of(2025, 7, 1), List.of("X", "Y"), 0.5, true, null, Map.of("k", 1)));
        }
        JsonNode rows = MAPPER.readTree(out.toByteArray());

        assertThat(rows.isArray()).isTrue();
        assertThat(rows).hasSize(1);
        JsonNode row = rows.get(0);
        assertThat(row.get("id").isIntegralNumber()).isTrue();
        assertThat(row.get("id").asLong()).isEqualTo(7);
        assertThat(row.get("text").asText()).isEqualTo("a \"quoted\"\nline");
        assertThat(row.get("when").asText()).isEqualTo("2025-07-01T10:15:30Z");
        assertThat(row.get("day").asText()).isEqualTo("2025-07-01");
        assertThat(row.get("tags").isArray()).isTrue();
        assertThat(row.get("tags").get(1).asText()).isEqualTo("Y");
        assertThat(row.get("score").isDouble()).isTrue();
        assertThat(row.get("ok").asBoolean()).isTrue();
        assertThat(row.get("none").isNull()).isTrue();
        assertThat(row.get("extra").get("k").asInt()).isEqualTo(1);
    }

    @Test
    void wrapsTheArrayInARootObjectWhenAsked() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter json = TableWriters.open(ExportFormat.JSON, out,
                TableOptions.defaults().withJsonRoot("statements"))) {
            json.header(List.of("uuid"));
            json.row(List.of("u1"));
            json.row(List.of("u2"));
        }
        JsonNode root = MAPPER.readTree(out.toByteArray());
        assertThat(root.get("statements")).hasSize(2);
        assertThat(root.get("statements").get(1).get("uuid").asText()).isEqualTo("u2");
    }

    @Test
    void anEmptyExportIsAnEmptyArray() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter json = TableWriters.open(ExportFormat.JSON, out)) {
            json.header(List.of("uuid"));
        }
        assertThat(out.toString()).isEqualTo("[]");
    }
}
