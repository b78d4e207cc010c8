package org.modsuite.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ExportFormatTests {

    @Test
    void parsesNamesAndKnowsMediaTypesAndExtensions() {
        assertThat(ExportFormat.parse(" XLSX ")).contains(ExportFormat.XLSX);
        assertThat(ExportFormat.parse("csv")).contains(ExportFormat.CSV);
        assertThat(ExportFormat.parse("pdf")).isEmpty();
        assertThat(ExportFormat.parse(null)).isEmpty();
        assertThat(ExportFormat.JSON.mediaType()).isEqualTo("application/json");
        assertThat(ExportFormat.XLSX.mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(ExportFormat.CSV.fileName("statements")).isEqualTo("statements.csv");
    }

    @Test
    void theFactoryOpensTheWriterOfEachFormat() throws IOException {
        for (ExportFormat format : ExportFormat.values()) {
            try (TableWriter writer = TableWriters.open(format, new ByteArrayOutputStream())) {
                assertThat(writer.getClass().getSimpleName()).startsWithIgnoringCase(format.name());
            }
        }
    }
}
