package org.modsuite.report.export;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A small flowing layout on PDFBox: A4 pages, a cursor that moves down, text that wraps, tables that repeat their
 * header on a new page, and horizontal bar charts. Charts are drawn as PDF vector graphics rather than rendered with
 * JFreeChart to an image: they stay sharp at any zoom, cost a few hundred bytes, need no AWT and no further
 * dependency, and plain bars are all a transparency summary needs.
 *
 * <p>Text uses the standard 14 fonts (Helvetica), which only know WinAnsi; {@link #sanitise} maps anything else to a
 * near character (accents dropped) or {@code ?} instead of letting PDFBox throw.
 */
final class PdfLayout implements AutoCloseable {

    static final float MARGIN = 50;
    static final float[] ACCENT = {0.16f, 0.38f, 0.62f};
    static final float[] ACCENT_2 = {0.91f, 0.55f, 0.18f};
    static final float[] GREY = {0.55f, 0.55f, 0.55f};
    private static final float[] LIGHT = {0.92f, 0.93f, 0.95f};

    final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDDocument document;
    private final Map<PDFont, Map<Integer, Boolean>> encodable = new HashMap<>();
    private PDPageContentStream content;
    private float y;

    /** A bar of a chart; {@code parts} are stacked left to right in the given colours. */
    record Bar(String label, double[] parts) {
    }

    PdfLayout(PDDocument document) {
        this.document = document;
    }

    float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    void newPage() throws IOException {
        closeContent();
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    /** Starts a new page unless {@code height} points still fit above the bottom margin (footer included). */
    void ensureSpace(float height) throws IOException {
        if (content == null || y - height < MARGIN + 20) {
            newPage();
        }
    }

    void gap(float points) {
        y -= points;
    }

    /** A bold heading, kept on one page with at least the first 80 points of what follows it. */
    void heading(String text, float size) throws IOException {
        ensureSpace(size * 2.4f + 80);
        y -= size * 0.6f;
        text(bold, size, MARGIN, y - size, text, null);
        y -= size * 1.5f;
    }

    /** Wrapped text across the page width. */
    void paragraph(String text, PDFont font, float size) throws IOException {
        float leading = size * 1.35f;
        for (String line : wrap(sanitise(text, font), font, size, width())) {
            ensureSpace(leading);
            text(font, size, MARGIN, y - size, line, null);
            y -= leading;
        }
        y -= size * 0.4f;
    }

    /**
     * A table; the first column is left-aligned text, the others right-aligned (numbers). Cells too wide for their
     * column are cut with an ellipsis.
     */
    void table(List<String> headers, List<List<String>> rows, float[] fractions) throws IOException {
        float size = 8.5f;
        float rowHeight = 13;
        float[] widths = new float[fractions.length];
        for (int i = 0; i < fractions.length; i++) {
            widths[i] = fractions[i] * width();
        }
        float headerHeight = headerHeight(headers, widths, size);
        ensureSpace(headerHeight + rowHeight * Math.min(rows.size(), 3));
        tableHeader(headers, widths, size, headerHeight);
        for (List<String> row : rows) {
            if (y - rowHeight < MARGIN + 20) {
                newPage();
                tableHeader(headers, widths, size, headerHeight);
            }
            float x = MARGIN;
            for (int i = 0; i < row.size(); i++) {
                String cell = fit(sanitise(row.get(i) == null ? "" : row.get(i), regular), regular, size, widths[i] - 6);
                float textX = i == 0 ? x + 3 : x + widths[i] - 3 - textWidth(regular, size, cell);
                text(regular, size, textX, y - rowHeight + 4, cell, null);
                x += widths[i];
            }
            content.setStrokingColor(LIGHT[0], LIGHT[1], LIGHT[2]);
            content.setLineWidth(0.5f);
            content.moveTo(MARGIN, y - rowHeight);
            content.lineTo(MARGIN + width(), y - rowHeight);
            content.stroke();
            y -= rowHeight;
        }
        y -= 10;
    }

    private float headerHeight(List<String> headers, float[] widths, float size) throws IOException {
        int lines = 1;
        for (int i = 0; i < headers.size(); i++) {
            lines = Math.max(lines, wrap(sanitise(headers.get(i), bold), bold, size, widths[i] - 6).size());
        }
        return lines * (size + 2) + 6;
    }

    private void tableHeader(List<String> headers, float[] widths, float size, float height) throws IOException {
        content.setNonStrokingColor(LIGHT[0], LIGHT[1], LIGHT[2]);
        content.addRect(MARGIN, y - height, width(), height);
        content.fill();
        float x = MARGIN;
        for (int i = 0; i < headers.size(); i++) {
            float lineY = y - size - 3;
            for (String line : wrap(sanitise(headers.get(i), bold), bold, size, widths[i] - 6)) {
                float textX = i == 0 ? x + 3 : x + widths[i] - 3 - textWidth(bold, size, line);
                text(bold, size, textX, lineY, line, null);
                lineY -= size + 2;
            }
            x += widths[i];
        }
        y -= height;
    }

    /**
     * A horizontal bar chart: one bar per entry, its parts stacked in {@code colours}, its total printed at its end,
     * and a legend naming the parts when there are several.
     */
    void barChart(String title, List<Bar> bars, List<String> partNames, List<float[]> colours) throws IOException {
        float barHeight = 12;
        float step = 17;
        float legend = partNames.size() > 1 ? 16 : 0;
        float labelWidth = 150;
        float valueWidth = 60;
        float plotWidth = width() - labelWidth - valueWidth;
        ensureSpace(22 + legend + step * Math.max(bars.size(), 1) + 10);
        text(bold, 10, MARGIN, y - 10, sanitise(title, bold), null);
        y -= 20;
        if (legend > 0) {
            float x = MARGIN + labelWidth;
            for (int i = 0; i < partNames.size(); i++) {
                float[] c = colours.get(i % colours.size());
                content.setNonStrokingColor(c[0], c[1], c[2]);
                content.addRect(x, y - 9, 9, 9);
                content.fill();
                String name = sanitise(partNames.get(i), regular);
                text(regular, 8.5f, x + 12, y - 8, name, null);
                x += 12 + textWidth(regular, 8.5f, name) + 16;
            }
            y -= legend;
        }
        double max = 0;
        for (Bar bar : bars) {
            max = Math.max(max, sum(bar.parts()));
        }
        if (bars.isEmpty()) {
            text(regular, 8.5f, MARGIN, y - 10, "No data in this period.", GREY);
            y -= step;
        }
        float top = y;
        for (Bar bar : bars) {
            String label = fit(sanitise(bar.label(), regular), regular, 8.5f, labelWidth - 8);
            text(regular, 8.5f, MARGIN + labelWidth - 6 - textWidth(regular, 8.5f, label), y - 9.5f, label, null);
            float x = MARGIN + labelWidth;
            for (int i = 0; i < bar.parts().length; i++) {
                float w = max <= 0 ? 0 : (float) (bar.parts()[i] / max * plotWidth);
                if (w > 0) {
                    float[] c = colours.get(i % colours.size());
                    content.setNonStrokingColor(c[0], c[1], c[2]);
                    content.addRect(x, y - barHeight, w, barHeight);
                    content.fill();
                }
                x += w;
            }
            text(regular, 8.5f, x + 4, y - 9.5f, TransparencyReportPdf.number(sum(bar.parts())), null);
            y -= step;
        }
        content.setStrokingColor(GREY[0], GREY[1], GREY[2]);
        content.setLineWidth(0.7f);
        content.moveTo(MARGIN + labelWidth, top + 2);
        content.lineTo(MARGIN + labelWidth, y + step - barHeight - 2);
        content.stroke();
        y -= 10;
    }

    private static double sum(double[] parts) {
        double total = 0;
        for (double p : parts) {
            total += p;
        }
        return total;
    }

    /** Writes "Page i of n" at the foot of every page; call after the last content. */
    void footers(String left) throws IOException {
        closeContent();
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream foot = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                content = foot;
                String pageText = "Page " + (i + 1) + " of " + pages;
                text(regular, 8, MARGIN, MARGIN - 20, sanitise(left, regular), GREY);
                text(regular, 8, MARGIN + width() - textWidth(regular, 8, pageText), MARGIN - 20, pageText, GREY);
            }
        }
        content = null;
    }

    private void text(PDFont font, float size, float x, float baseline, String text, float[] colour)
            throws IOException {
        content.beginText();
        if (colour == null) {
            content.setNonStrokingColor(0.1f, 0.1f, 0.1f);
        } else {
            content.setNonStrokingColor(colour[0], colour[1], colour[2]);
        }
        content.setFont(font, size);
        content.newLineAtOffset(x, baseline);
        content.showText(sanitise(text, font));
        content.endText();
    }

    float textWidth(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** {@code text} cut with "..." so that it fits {@code width}. */
    String fit(String text, PDFont font, float size, float width) throws IOException {
        if (textWidth(font, size, text) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && textWidth(font, size, cut + "...") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "...";
    }

    /** Greedy word wrap; a word longer than a line is cut. */
    List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" +")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (textWidth(font, size, candidate) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                }
                line.setLength(0);
                line.append(textWidth(font, size, word) <= width ? word : fit(word, font, size, width));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * Text the font can show: line breaks kept (for wrapping), other control characters as spaces, characters
     * outside WinAnsi replaced by their base letter when they have one (ő → o) and by {@code ?} otherwise.
     */
    String sanitise(String text, PDFont font) {
        if (text == null) {
            return "";
        }
        Map<Integer, Boolean> known = encodable.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (cp == '\t' || cp == '\r' || Character.isISOControl(cp)) {
                out.append(' ');
            } else if (canShow(font, known, cp)) {
                out.appendCodePoint(cp);
            } else {
                String base = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
                StringBuilder kept = new StringBuilder();
                base.codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                        .filter(c -> canShow(font, known, c))
                        .forEach(kept::appendCodePoint);
                out.append(kept.isEmpty() ? "?" : kept);
            }
        });
        return out.toString();
    }

    private static boolean canShow(PDFont font, Map<Integer, Boolean> known, int cp) {
        return known.computeIfAbsent(cp, c -> {
            try {
                font.encode(new String(Character.toChars(c)));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        });
    }

    private void closeContent() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeContent();
    }
}
