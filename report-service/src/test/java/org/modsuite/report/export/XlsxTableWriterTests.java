package org.modsuite.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxTableWriterTests {

    @Test
    void roundTripsWithABoldFrozenHeaderAndNumbersAsNumbers() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter xlsx = TableWriters.open(ExportFormat.XLSX, out, TableOptions.named("statements"))) {
            xlsx.header(List.of("id", "text", "when", "day", "tags", "score", "none", "ok"));
            for (int i = 0; i < 250; i++) {
                xlsx.row(Arrays.asList((long) i, "row, \"" + i + "\"\nnext", Instant.parse("2025-07-01T10:15:30Z"),
                        LocalDate.of(2025, 7, 1), List.of("A", "B"), i / 4.0, null, i % 2 == 0));
            }
        }

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            XSSFSheet sheet = workbook.getSheet("statements");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getLastRowNum()).isEqualTo(250);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("text");
            assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);

            Row row = sheet.getRow(10);
            assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(9.0);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("row, \"9\"\nnext");
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("2025-07-01T10:15:30Z");
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("2025-07-01");
            assertThat(row.getCell(4).getStringCellValue()).isEqualTo("[\"A\",\"B\"]");
            assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(2.25);
            assertThat(row.getCell(6)).isNull();
            assertThat(row.getCell(7).getBooleanCellValue()).isFalse();
        }
    }

    @Test
    void makesSheetNamesSafeAndWritesSeveralSheets() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxTableWriter xlsx = new XlsxTableWriter(out, "Notices: 2025/H2 [draft] with a long name", 10)) {
            xlsx.header(List.of("a"));
            xlsx.row(List.of(1));
            xlsx.startSheet("Second");
            xlsx.header(List.of("b"));
            xlsx.row(List.of("x"));
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            assertThat(workbook.getSheetName(0)).hasSizeLessThanOrEqualTo(31).doesNotContain(":", "/", "[", "]");
            assertThat(workbook.getSheetAt(1).getRow(1).getCell(0).getStringCellValue()).isEqualTo("x");
        }
    }

    @Test
    void deletesItsTemporaryFilesOnClose() throws IOException {
        File poiFiles = new File(System.getProperty("java.io.tmpdir"), "poifiles");
        int before = sxssfFiles(poiFiles);
        try (TableWriter xlsx = TableWriters.open(ExportFormat.XLSX, new ByteArrayOutputStream())) {
            xlsx.header(List.of("a", "b"));
            for (int i = 0; i < 1_000; i++) {
                xlsx.row(List.of(i, "text " + i));
            }
            assertThat(sxssfFiles(poiFiles)).isGreaterThan(before);
        }
        assertThat(sxssfFiles(poiFiles)).isEqualTo(before);
    }

    private static int sxssfFiles(File dir) {
        String[] names = dir.list((d, name) -> name.startsWith("poi-sxssf-sheet"));
        return names == null ? 0 : names.length;
    }
}
