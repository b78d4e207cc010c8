package org.modsuite.report.export;

/**
 * What the formats need beyond the rows.
 *
 * @param sheetName     XLSX sheet name (made safe for Excel: at most 31 characters, no {@code []:*?/\})
 * @param jsonRootName  when set, JSON is {@code {"<jsonRootName>":[...]}} instead of a bare array
 * @param xlsxRowWindow rows SXSSF keeps in memory before flushing them to its temporary file
 */
public record TableOptions(String sheetName, String jsonRootName, int xlsxRowWindow) {

    public static final int DEFAULT_XLSX_ROW_WINDOW = 100;

    public TableOptions {
        if (sheetName == null || sheetName.isBlank()) {
            sheetName = "export";
        }
        if (xlsxRowWindow < 1) {
            throw new IllegalArgumentException("xlsxRowWindow must be at least 1");
        }
    }

    public static TableOptions defaults() {
        return new TableOptions("export", null, DEFAULT_XLSX_ROW_WINDOW);
    }

    public static TableOptions named(String sheetName) {
        return new TableOptions(sheetName, null, DEFAULT_XLSX_ROW_WINDOW);
    }

    public TableOptions withJsonRoot(String rootName) {
        return new TableOptions(sheetName, rootName, xlsxRowWindow);
    }
}
