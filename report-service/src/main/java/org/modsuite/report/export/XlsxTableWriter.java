package org.modsuite.report.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.apache.commons.io.output.CloseShieldOutputStream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX through POI's streaming {@link SXSSFWorkbook}: only the last {@code rowWindow} rows stay in memory, older
 * ones go to a gzip-compressed temporary file (a million rows of 38 columns would be gigabytes of XML otherwise),
 * which {@link #close} deletes. Strings are written inline, not into a shared-strings table that would grow with
 * the export. The header row is bold and frozen. A sheet holds at most 1,048,575 data rows (Excel's limit);
 * {@link #startSheet} begins the next sheet of the same workbook.
 */
public final class XlsxTableWriter implements TableWriter {

    private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    /** Longs beyond this lose digits as a spreadsheet double; they are written as text. */
    private static final long EXACT_DOUBLE = 1L << 53;

    private final OutputStream out;
    private final SXSSFWorkbook workbook;
    private final CellStyle headerStyle;
    private SXSSFSheet sheet;
    private int columns = -1;
    private int nextRow;
    private long rows;
    private boolean closed;

    public XlsxTableWriter(OutputStream out, String sheetName, int rowWindow) {
        this.out = out;
        this.workbook = new SXSSFWorkbook(null, rowWindow, true, false);
        Font bold = workbook.createFont();
        bold.setBold(true);
        this.headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        startSheet(sheetName);
    }

    /** Starts a new sheet; call {@link #header} next. The first sheet is started by the constructor. */
    public void startSheet(String sheetName) {
        String safe = WorkbookUtil.createSafeSheetName(sheetName == null ? "export" : sheetName);
        this.sheet = workbook.createSheet(uniqueName(safe));
        this.columns = -1;
        this.nextRow = 0;
    }

    private String uniqueName(String name) {
        String candidate = name;
        for (int i = 2; workbook.getSheet(candidate) != null; i++) {
            String suffix = " (" + i + ")";
            candidate = name.substring(0, Math.min(name.length(), 31 - suffix.length())) + suffix;
        }
        return candidate;
    }

    @Override
    public void header(List<String> columns) {
        if (this.columns >= 0) {
            throw new IllegalStateException("header already written on this sheet");
        }
        this.columns = columns.size();
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(columns.get(i));
            cell.setCellStyle(headerStyle);
            int chars = Math.min(60, Math.max(10, columns.get(i).length() + 2));
            sheet.setColumnWidth(i, chars * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    @Override
    public void row(List<?> values) {
        if (columns < 0) {
            throw new IllegalStateException("header first");
        }
        CellValues.checkWidth(columns, values);
        if (nextRow >= MAX_ROWS) {
            throw new IllegalStateException("an XLSX sheet holds at most " + (MAX_ROWS - 1) + " data rows");
        }
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value != null) {
                setCell(row.createCell(i), value);
            }
        }
        rows++;
    }

    private static void setCell(Cell cell, Object value) {
        if (value instanceof Boolean b) {
            cell.setCellValue(b);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            cell.setCellValue(((Number) value).doubleValue());
        } else if (value instanceof Long l && Math.abs(l) <= EXACT_DOUBLE) {
            cell.setCellValue(l.doubleValue());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                cell.setCellValue(Double.toString(d));
            } else {
                cell.setCellValue(d);
            }
        } else if (value instanceof BigDecimal d && d.precision() <= 15) {
            cell.setCellValue(d.doubleValue());
        } else if (value instanceof BigInteger i && i.bitLength() <= 53) {
            cell.setCellValue(i.doubleValue());
        } else {
            String text = CellValues.text(value);
            // Excel refuses longer cells; none of the DSA free-text fields reaches this (decision_facts: 5000).
            cell.setCellValue(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
        }
    }

    @Override
    public long rowCount() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            workbook.write(CloseShieldOutputStream.wrap(out));
            out.flush();
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }
}
