package org.modsuite.report.export;

import java.io.IOException;
import java.io.OutputStream;

/** Opens the {@link TableWriter} of a format. */
public final class TableWriters {

    private TableWriters() {
    }

    public static TableWriter open(ExportFormat format, OutputStream out) throws IOException {
        return open(format, out, TableOptions.defaults());
    }

    public static TableWriter open(ExportFormat format, OutputStream out, TableOptions options) throws IOException {
        return switch (format) {
            case CSV -> new CsvTableWriter(out);
            case JSON -> new JsonTableWriter(out, options.jsonRootName());
            case XLSX -> new XlsxTableWriter(out, options.sheetName(), options.xlsxRowWindow());
        };
    }
}
