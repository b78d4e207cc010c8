package org.modsuite.report.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.io.output.CloseShieldOutputStream;

/**
 * Writes a {@link TransparencyReport} in four forms. The tables are those of {@link TransparencyReportTables}, so
 * XLSX, CSV and JSON carry the same labels and numbers:
 * <ul>
 * <li>XLSX: one sheet per template section in the template's order, bold frozen header row, numbers as numbers;</li>
 * <li>CSV: a ZIP of one CSV per section ({@code 4_notices.csv}, ...), as the Commission splits its English template
 *     into CSV files; one file per section keeps each file rectangular, which one CSV with a section column could
 *     not be, as the sections have different columns;</li>
 * <li>JSON: {@code {"template":…, "median_time_unit":"hours", "sections":{"<id>":[{column: value}…]…}}};</li>
 * <li>PDF: an A4 summary in English with the headline figures, tables and bar charts
 *     ({@link TransparencyReportPdf}).</li>
 * </ul>
 * None of the methods closes {@code out}.
 */
public final class TransparencyReportWriter {

    public static final String ZIP_MEDIA_TYPE = "application/zip";
    public static final String PDF_MEDIA_TYPE = "application/pdf";
    static final String TEMPLATE = "Commission Implementing Regulation (EU) 2024/2835";

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    public void writeXlsx(TransparencyReport report, OutputStream out) throws IOException {
        List<ReportTable> tables = TransparencyReportTables.of(report);
        try (XlsxTableWriter xlsx = new XlsxTableWriter(out, tables.get(0).title(), TableOptions.DEFAULT_XLSX_ROW_WINDOW)) {
            boolean first = true;
            for (ReportTable table : tables) {
                if (!first) {
                    xlsx.startSheet(table.title());
                }
                first = false;
                writeTable(xlsx, table);
            }
        }
    }

    /** A ZIP with one CSV per section, named by the section's id. */
    public void writeCsv(TransparencyReport report, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(CloseShieldOutputStream.wrap(out))) {
            for (ReportTable table : TransparencyReportTables.of(report)) {
                zip.putNextEntry(new ZipEntry(table.id() + ".csv"));
                try (CsvTableWriter csv = new CsvTableWriter(zip)) {
                    writeTable(csv, table);
                }
                zip.closeEntry();
            }
        }
    }

    public void writeJson(TransparencyReport report, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("template", TEMPLATE);
            json.writeStringField("median_time_unit", "hours");
            json.writeObjectFieldStart("sections");
            for (ReportTable table : TransparencyReportTables.of(report)) {
                json.writeArrayFieldStart(table.id());
                for (List<Object> row : table.rows()) {
                    json.writeStartObject();
                    for (int i = 0; i < table.columns().size(); i++) {
                        json.writeFieldName(table.columns().get(i));
                        CellValues.writeJson(json, row.get(i));
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    public void writePdf(TransparencyReport report, OutputStream out) throws IOException {
        new TransparencyReportPdf(report).write(out);
    }

    private static void writeTable(TableWriter writer, ReportTable table) throws IOException {
        writer.header(table.columns());
        for (List<Object> row : table.rows()) {
            writer.row(row);
        }
    }
}
