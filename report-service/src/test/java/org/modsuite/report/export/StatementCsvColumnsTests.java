package org.modsuite.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class StatementCsvColumnsTests {

    /** DSA-SPEC §7.2, copied by hand so that a change to the class must also change this line. */
    private static final String FULL_HEADER = "uuid,decision_visibility,decision_visibility_other,"
            + "end_date_visibility_restriction,decision_monetary,decision_monetary_other,end_date_monetary_restriction,"
            + "decision_provision,end_date_service_restriction,decision_account,end_date_account_restriction,"
            + "account_type,decision_ground,decision_ground_reference_url,illegal_content_legal_ground,"
            + "illegal_content_explanation,incompatible_content_ground,incompatible_content_explanation,"
            + "incompatible_content_illegal,category,category_addition,category_specification,"
            + "category_specification_other,content_type,content_type_other,content_language,content_date,"
            + "content_id_ean,territorial_scope,application_date,decision_facts,source_type,source_identity,"
            + "automated_detection,automated_decision,platform_name,platform_uid,created_at";

    @Test
    void theFullVersionHasThe38ColumnsInTheirFixedOrder() {
        assertThat(StatementCsvColumns.FULL).hasSize(38);
        assertThat(String.join(",", StatementCsvColumns.FULL)).isEqualTo(FULL_HEADER);
    }

    @Test
    void theLightVersionDropsTheFourLongFields() {
        assertThat(StatementCsvColumns.LIGHT).hasSize(34)
                .doesNotContain("illegal_content_explanation", "incompatible_content_explanation",
                        "territorial_scope", "decision_facts")
                .isSubsetOf(StatementCsvColumns.FULL);
        assertThat(StatementCsvColumns.LIGHT.get(13)).isEqualTo("decision_ground_reference_url");
        assertThat(StatementCsvColumns.LIGHT.get(14)).isEqualTo("illegal_content_legal_ground");
        assertThat(StatementCsvColumns.LIGHT.get(15)).isEqualTo("incompatible_content_ground");
        assertThat(StatementCsvColumns.LIGHT.get(33)).isEqualTo("created_at");
    }

    @Test
    void mapsAStatementByTheCellRules() {
        List<Object> row = StatementCsvColumns.fullRow(illegalSpeech());
        Map<String, Object> cells = new HashMap<>();
        for (int i = 0; i < row.size(); i++) {
            cells.put(StatementCsvColumns.FULL.get(i), row.get(i));
        }

        assertThat(row).hasSize(38);
        assertThat(cells.get("uuid")).isEqualTo("0b6c1b1e-5a37-4d5c-9f7e-000000000001");
        assertThat(cells.get("decision_visibility")).isEqualTo("[\"DECISION_VISIBILITY_CONTENT_REMOVED\"]");
        assertThat(cells.get("category_addition")).isEqualTo("[]");
        assertThat(cells.get("category_specification")).isEqualTo("[\"KEYWORD_HATE_SPEECH\"]");
        assertThat(cells.get("content_type")).isEqualTo("[\"CONTENT_TYPE_TEXT\",\"CONTENT_TYPE_IMAGE\"]");
        assertThat(cells.get("territorial_scope")).isEqualTo("[\"AT\",\"DE\"]");
        assertThat(cells.get("decision_monetary")).isNull();
        assertThat(cells.get("end_date_visibility_restriction")).isNull();
        assertThat(cells.get("content_date")).isEqualTo("2025-07-01 00:00:00");
        assertThat(cells.get("application_date")).isEqualTo("2025-07-03 00:00:00");
        assertThat(cells.get("end_date_account_restriction")).isEqualTo("2025-08-01 00:00:00");
        assertThat(cells.get("created_at")).isEqualTo("2025-07-03 08:15:30");
        assertThat(cells.get("decision_facts"))
                .isEqualTo("The post called migrants \"vermin\".  It was reported twice. Removed.");
        assertThat(cells.get("illegal_content_explanation")).isEqualTo("Incitement, see \"§ 130 StGB\"");
        assertThat(cells.get("decision_ground")).isEqualTo("DECISION_GROUND_ILLEGAL_CONTENT");
        assertThat(cells.get("automated_detection")).isEqualTo("Yes");
        assertThat(cells.get("automated_decision")).isEqualTo("AUTOMATED_DECISION_PARTIALLY");
        assertThat(cells.get("content_id_ean")).isEqualTo("4006381333931");
        assertThat(cells.get("platform_name")).isEqualTo("ModSuite Demo");
        assertThat(cells.get("platform_uid")).isEqualTo("post-42_v3");
        assertThat(cells.get("source_identity")).isNull();
    }

    @Test
    void keepsStoredJsonArrayTextAndParsesDateStrings() {
        Map<String, Object> statement = new HashMap<>(illegalSpeech());
        statement.put("content_type", "[\"CONTENT_TYPE_VIDEO\"]");
        statement.put("content_date", "2025-06-30");
        statement.put("created_at", OffsetDateTime.of(2025, 7, 3, 10, 15, 30, 0, ZoneOffset.ofHours(2)));
        statement.put("decision_visibility", List.of());
        statement.put("incompatible_content_illegal", false);

        assertThat(StatementCsvColumns.cell("content_type", statement)).isEqualTo("[\"CONTENT_TYPE_VIDEO\"]");
        assertThat(StatementCsvColumns.cell("content_date", statement)).isEqualTo("2025-06-30 00:00:00");
        assertThat(StatementCsvColumns.cell("created_at", statement)).isEqualTo("2025-07-03 08:15:30");
        assertThat(StatementCsvColumns.cell("decision_visibility", statement)).isEqualTo("[]");
        assertThat(StatementCsvColumns.cell("incompatible_content_illegal", statement)).isEqualTo("No");
    }

    @Test
    void aDumpReadsBackWithTheHeaderAndOneLinePerStatement() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter csv = TableWriters.open(ExportFormat.CSV, out)) {
            csv.header(StatementCsvColumns.FULL);
            csv.row(StatementCsvColumns.fullRow(illegalSpeech()));
            csv.row(StatementCsvColumns.fullRow(illegalSpeech()));
        }
        String text = out.toString(StandardCharsets.UTF_8);

        assertThat(text.split("\n", -1)).hasSize(4);
        assertThat(text).startsWith(FULL_HEADER + "\n");
        List<CSVRecord> records = CSVParser.parse(new StringReader(text), CsvTableWriter.FORMAT).getRecords();
        assertThat(records.get(1).get(1)).isEqualTo("[\"DECISION_VISIBILITY_CONTENT_REMOVED\"]");
        assertThat(records.get(1).get(37)).isEqualTo("2025-07-03 08:15:30");
        assertThat(records.get(1).get(3)).isEmpty();
    }

    @Test
    void theLightRowFollowsTheLightColumns() {
        List<Object> light = StatementCsvColumns.row(illegalSpeech(), StatementCsvColumns.Version.LIGHT);
        assertThat(light).hasSize(34);
        assertThat(light.get(StatementCsvColumns.LIGHT.indexOf("platform_uid"))).isEqualTo("post-42_v3");
    }

    static Map<String, Object> illegalSpeech() {
        Map<String, Object> s = new HashMap<>();
        s.put("uuid", "0b6c1b1e-5a37-4d5c-9f7e-000000000001");
        s.put("decision_visibility", List.of("DECISION_VISIBILITY_CONTENT_REMOVED"));
        s.put("end_date_account_restriction", LocalDate.of(2025, 8, 1));
        s.put("decision_ground", "DECISION_GROUND_ILLEGAL_CONTENT");
        s.put("decision_ground_reference_url", "https://example.org/law");
        s.put("illegal_content_legal_ground", "§ 130 StGB");
        s.put("illegal_content_explanation", "Incitement, see \\\"§ 130 StGB\\\"");
        s.put("category", "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH");
        s.put("category_specification", new String[] {"KEYWORD_HATE_SPEECH"});
        s.put("content_type", List.of("CONTENT_TYPE_TEXT", "CONTENT_TYPE_IMAGE"));
        s.put("content_language", "DE");
        s.put("content_date", LocalDate.of(2025, 7, 1));
        s.put("content_id", Map.of("EAN-13", "4006381333931"));
        s.put("territorial_scope", List.of("AT", "DE"));
        s.put("application_date", LocalDate.of(2025, 7, 3));
        s.put("decision_facts", "The post called migrants \"vermin\".\r\n It was reported twice.\nRemoved.");
        s.put("source_type", "SOURCE_ARTICLE_16");
        s.put("automated_detection", true);
        s.put("automated_decision", "AUTOMATED_DECISION_PARTIALLY");
        s.put("platform_name", "ModSuite Demo");
        s.put("puid", "post-42_v3");
        s.put("created_at", Instant.parse("2025-07-03T08:15:30.123Z"));
        return s;
    }
}
