package org.modsuite.report.export;

import java.util.List;

/**
 * One section of the transparency report as a table: what becomes an XLSX sheet, a CSV file of the ZIP and an
 * array of the JSON document.
 *
 * @param id    stable name, numbered as the template's sheets, e.g. {@code 4_notices}
 * @param title the sheet title, e.g. {@code Notices}
 */
public record ReportTable(String id, String title, List<String> columns, List<List<Object>> rows) {

    public ReportTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
