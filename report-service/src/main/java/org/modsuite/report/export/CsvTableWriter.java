package org.modsuite.report.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.io.output.CloseShieldOutputStream;

/**
 * RFC 4180 CSV in UTF-8 (no byte-order mark): comma, double-quote enclosure, quotes only where needed, and records
 * ended by {@code \n} as PHP's {@code fputcsv} does, so our files read like the Transparency Database's dumps.
 */
public final class CsvTableWriter implements TableWriter {

    /** The dialect of the writer, also the one to read its files back with. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private final CSVPrinter printer;
    private final List<String> cells = new ArrayList<>();
    private int columns = -1;
    private long rows;

    public CsvTableWriter(OutputStream out) throws IOException {
        // 64 KiB of buffer; the shield keeps the caller's stream open when the printer closes.
        BufferedWriter writer = new BufferedWriter(
                new OutputStreamWriter(CloseShieldOutputStream.wrap(out), StandardCharsets.UTF_8), 1 << 16);
        this.printer = new CSVPrinter(writer, FORMAT);
    }

    @Override
    public void header(List<String> columns) throws IOException {
        if (this.columns >= 0) {
            throw new IllegalStateException("header already written");
        }
        this.columns = columns.size();
        printer.printRecord(columns);
    }

    @Override
    public void row(List<?> values) throws IOException {
        if (columns < 0) {
            throw new IllegalStateException("header first");
        }
        CellValues.checkWidth(columns, values);
        cells.clear();
        for (Object value : values) {
            cells.add(CellValues.text(value));
        }
        printer.printRecord(cells);
        rows++;
    }

    @Override
    public long rowCount() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
