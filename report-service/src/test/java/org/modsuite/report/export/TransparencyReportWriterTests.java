package org.modsuite.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TransparencyReportWriterTests {

    private final TransparencyReportWriter writer = new TransparencyReportWriter();
    private final TransparencyReport report = TransparencyReports.sample();

    @Test
    void xlsxHasOneSheetPerSectionInTemplateOrderWithNumbersAsNumbers() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeXlsx(report, out);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsExactly("Report identification", "Notices",
                    "Own initiative (illegal)", "Own initiative (T&C)", "Appeals and recidivism",
                    "Automated means", "Qualitative information");

            XSSFSheet notices = workbook.getSheet("Notices");
            Row header = notices.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Category");
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("Number of notices received");
            assertThat(header.getCell(10).getStringCellValue()).isEqualTo(
                    "Number of actions taken on the basis of the terms and conditions of the service"
                            + " (Trusted Flagger notices)");
            Row total = notices.getRow(1);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("TOTAL");
            assertThat(total.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(1240.0);
            assertThat(total.getCell(5).getNumericCellValue()).isEqualTo(18.5);
            assertThat(notices.getRow(5).getCell(6)).as("no median for TF notices: empty cell").isNull();

            XSSFSheet own = workbook.getSheetAt(2);
            assertThat(own.getRow(0).getLastCellNum()).isEqualTo((short) 17);
            assertThat(own.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Visibility restriction Removal");
            assertThat(own.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(2900.0);

            XSSFSheet identification = workbook.getSheetAt(0);
            assertThat(identification.getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo("ModSuite Démo GmbH – Zażółć");
            assertThat(identification.getRow(4).getCell(1).getStringCellValue()).isEqualTo("2025-07-01");
        }
    }

    @Test
    void csvIsAZipOfOneFilePerSection() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeCsv(report, out);

        Map<String, List<CSVRecord>> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String text = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                files.put(entry.getName(), CSVParser.parse(text, CsvTableWriter.FORMAT).getRecords());
            }
        }
        assertThat(files.keySet()).containsExactly("1_report_identification.csv", "4_notices.csv",
                "5_own_initiative_illegal.csv", "6_own_initiative_terms.csv", "7_appeals_and_recidivism.csv",
                "8_automated_means.csv", "11_qualitative.csv");
        List<CSVRecord> appeals = files.get("7_appeals_and_recidivism.csv");
        assertThat(appeals.get(0).values()).containsExactly("Indicator", "Scope", "Value", "Unit");
        assertThat(appeals).anySatisfy(r -> assertThat(r.values()).containsExactly(
                "Complaint regarding a decision to suspend or terminate an account", "Median time", "55.5", "hours"));
        assertThat(appeals).anySatisfy(r -> assertThat(r.values()).containsExactly(
                "Number of suspensions enacted for the provision of manifestly unfounded notices", "Total number",
                "3", "number"));
        assertThat(files.get("11_qualitative.csv").get(1).get(1)).contains("\n").contains("українська");
    }

    @Test
    void jsonHoldsEverySectionKeyedByTemplateLabels() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeJson(report, out);

        JsonNode root = new ObjectMapper().readTree(out.toByteArray());
        assertThat(root.get("median_time_unit").asText()).isEqualTo("hours");
        JsonNode sections = root.get("sections");
        assertThat(sections.fieldNames()).toIterable().containsExactly("1_report_identification", "4_notices",
                "5_own_initiative_illegal", "6_own_initiative_terms", "7_appeals_and_recidivism",
                "8_automated_means", "11_qualitative");
        JsonNode total = sections.get("4_notices").get(0);
        assertThat(total.get("Number of notices received from Trusted flaggers").asLong()).isEqualTo(310);
        assertThat(sections.get("8_automated_means").get(2).get("Value").asDouble()).isEqualTo(0.934);
        assertThat(sections.get("8_automated_means").get(2).get("Contextual information").asText())
                .contains("1200 automated decisions");
        assertThat(sections.get("1_report_identification").get(2).get("Value").isNull()).isTrue();
    }

    @Test
    void pdfIsAReadableA4SummaryWithChartsThatSurvivesCharactersOutsideWinAnsi() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writePdf(report, out);

        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            int pages = pdf.getNumberOfPages();
            assertThat(pages).isBetween(2, 6);
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(595.27563f, org.assertj.core.data.Offset.offset(0.01f));
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains("DSA transparency report")
                    .contains("ModSuite Démo GmbH – Za")
                    .contains("Reporting period 2025-07-01 to 2025-12-31")
                    .contains("Headline figures")
                    .contains("Notices received (Art. 16) 1,240")
                    .contains("Notices received by category")
                    .contains("Illegal or harmful speech")
                    .contains("Decisions: automated vs human")
                    .contains("Complaint outcomes")
                    .contains("Accuracy 93.4 %")
                    .contains("For manifestly illegal content 14")
                    .contains("Safeguards applied to the use of automated means")
                    .contains("Page 1 of " + pages)
                    .contains("Page " + pages + " of " + pages);
            System.out.printf("transparency report PDF: %d pages, %d bytes%n", pages, out.size());
        }
    }

    @Test
    void anEmptyReportWithALongAnswerFlowsOntoMorePages() throws IOException {
        TransparencyReport empty = new TransparencyReport("Small Forum e.V.", java.time.LocalDate.of(2025, 1, 1),
                java.time.LocalDate.of(2025, 12, 31), java.time.LocalDate.of(2026, 2, 1), null, List.of(), List.of(),
                List.of(), new TransparencyReport.Complaints(0, 0, List.of()),
                new TransparencyReport.Suspensions(0, 0, 0),
                new TransparencyReport.AutomatedMeans(0, 0, null, null, null, 0),
                List.of(new TransparencyReport.QualitativeAnswer("Safeguards", "Human review of every decision. "
                        .repeat(800))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writePdf(empty, out);

        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            int pages = pdf.getNumberOfPages();
            assertThat(pages).isGreaterThan(3);
            assertThat(new PDFTextStripper().getText(pdf)).contains("No data in this period.")
                    .contains("Accuracy not measured").contains("Page " + pages + " of " + pages);
        }
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        writer.writeXlsx(empty, xlsx);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(7);
            assertThat(workbook.getSheet("Notices").getLastRowNum()).isZero();
        }
    }
}
