package org.modsuite.report.export;

import java.io.IOException;
import java.io.OutputStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.modsuite.report.export.PdfLayout.Bar;
import org.modsuite.report.export.TransparencyReport.AutomatedMeans;
import org.modsuite.report.export.TransparencyReport.ComplaintRow;
import org.modsuite.report.export.TransparencyReport.ComplaintType;
import org.modsuite.report.export.TransparencyReport.NoticeRow;
import org.modsuite.report.export.TransparencyReport.OwnInitiativeRow;
import org.modsuite.report.export.TransparencyReport.QualitativeAnswer;
import org.modsuite.report.export.TransparencyReport.RestrictionCounts;

/**
 * The A4 PDF summary of a transparency report, in English: headline figures, the notices, own-initiative,
 * complaints and automated-means tables, three bar charts (notices by category, automated vs human decisions,
 * complaint outcomes), the Art. 23 suspensions and the qualitative answers. The machine-readable forms
 * (XLSX, CSV, JSON) hold every figure; this one is for reading.
 */
final class TransparencyReportPdf {

    private final TransparencyReport report;

    TransparencyReportPdf(TransparencyReport report) {
        this.report = report;
    }

    void write(OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument(); PdfLayout page = new PdfLayout(document)) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("DSA transparency report " + report.providerName() + " " + report.periodStart() + " to "
                    + report.periodEnd());
            info.setSubject("Transparency report under Articles 15 and 24 of Regulation (EU) 2022/2065");
            info.setProducer("ModSuite report-service");

            page.newPage();
            page.heading("DSA transparency report", 20);
            page.paragraph(report.providerName(), page.bold, 13);
            page.paragraph("Reporting period " + report.periodStart() + " to " + report.periodEnd()
                    + ", published " + report.publicationDate()
                    + (report.previousPublicationDate() == null ? "" : " (previous report published "
                    + report.previousPublicationDate() + ")") + ".", page.regular, 10);
            page.paragraph("Report under Articles 15 and 24 of Regulation (EU) 2022/2065 (Digital Services Act), laid"
                    + " out after the templates of " + TransparencyReportWriter.TEMPLATE + ". Median times are in"
                    + " hours. The XLSX, CSV and JSON editions of this report hold every figure by category.",
                    page.regular, 9);

            headline(page);
            noticesSection(page);
            ownInitiativeSection(page);
            automatedSection(page);
            complaintsSection(page);
            qualitativeSection(page);
            page.footers(report.providerName() + " - DSA transparency report " + report.periodStart() + " to "
                    + report.periodEnd());
            document.save(out);
        }
    }

    private void headline(PdfLayout page) throws IOException {
        NoticeRow notices = noticeTotal();
        long ownIllegal = ownInitiativeTotal(report.ownInitiativeIllegal()).measures();
        long ownTerms = ownInitiativeTotal(report.ownInitiativeTermsAndConditions()).measures();
        long reversed = 0;
        for (ComplaintRow c : report.complaints().byType()) {
            reversed += c.reversed() + c.partiallyReversed();
        }
        AutomatedMeans a = report.automatedMeans();
        long decisions = a.measuresSolelyAutomated() + a.measuresNotSolelyAutomated();
        var s = report.suspensions();
        page.heading("Headline figures", 13);
        page.table(List.of("Indicator", "Value"), List.of(
                List.of("Notices received (Art. 16)", number(notices.received())),
                List.of("of which from trusted flaggers", number(notices.receivedFromTrustedFlaggers())),
                List.of("Actions taken on the basis of the law", number(notices.actionsOnLaw())),
                List.of("Actions taken on the basis of the terms and conditions",
                        number(notices.actionsOnTermsAndConditions())),
                List.of("Median time to take action on a notice (hours)", hours(notices.medianHoursToAction())),
                List.of("Own-initiative measures against illegal content", number(ownIllegal)),
                List.of("Own-initiative measures under the terms and conditions", number(ownTerms)),
                List.of("Complaints submitted (Art. 20)", number(report.complaints().submitted())),
                List.of("Decisions reversed in full or in part after a complaint", number(reversed)),
                List.of("Suspensions for misuse (Art. 23)", number(s.manifestlyIllegalContent()
                        + s.manifestlyUnfoundedNotices() + s.manifestlyUnfoundedComplaints())),
                List.of("Measures taken solely by automated means",
                        number(a.measuresSolelyAutomated()) + " of " + number(decisions)
                                + (decisions == 0 ? "" : " (" + percent((double) a.measuresSolelyAutomated() / decisions)
                                + ")"))),
                new float[] {0.75f, 0.25f});
    }

    private void noticesSection(PdfLayout page) throws IOException {
        page.heading("Notices (Article 16)", 13);
        List<NoticeRow> categories = report.notices().stream()
                .filter(n -> n.category().startsWith("STATEMENT_CATEGORY_"))
                .toList();
        List<Bar> bars = new ArrayList<>();
        for (NoticeRow n : categories) {
            bars.add(new Bar(categoryLabel(n.category()), new double[] {
                    Math.max(0, n.received() - n.receivedFromTrustedFlaggers()), n.receivedFromTrustedFlaggers()}));
        }
        page.barChart("Notices received by category", bars, List.of("Other notifiers", "Trusted flaggers"),
                List.of(PdfLayout.ACCENT, PdfLayout.ACCENT_2));
        List<List<String>> rows = new ArrayList<>();
        for (NoticeRow n : report.notices()) {
            rows.add(List.of(categoryLabel(n.category()), number(n.received()), number(n.receivedFromTrustedFlaggers()),
                    hours(n.medianHoursToAction()), number(n.actionsOnLaw()), number(n.actionsOnTermsAndConditions())));
        }
        page.table(List.of("Category", "Received", "From trusted flaggers", "Median hours to action",
                "Actions on law", "Actions on T&C"), rows, new float[] {0.40f, 0.11f, 0.13f, 0.12f, 0.12f, 0.12f});
    }

    private void ownInitiativeSection(PdfLayout page) throws IOException {
        page.heading("Own-initiative moderation", 13);
        ownInitiativeTable(page, "Illegal content", report.ownInitiativeIllegal());
        ownInitiativeTable(page, "Terms and conditions", report.ownInitiativeTermsAndConditions());
    }

    private void ownInitiativeTable(PdfLayout page, String basis, List<OwnInitiativeRow> rows) throws IOException {
        List<List<String>> cells = new ArrayList<>();
        for (OwnInitiativeRow r : rows) {
            RestrictionCounts c = r.restrictions();
            cells.add(List.of(categoryLabel(r.category()), number(r.measures()), number(r.solelyAutomated()),
                    number(c.visibilityRemoved() + c.visibilityDisabled() + c.visibilityDemoted()
                            + c.visibilityAgeRestricted() + c.visibilityInteractionRestricted()
                            + c.visibilityLabelled() + c.visibilityOther()),
                    number(c.monetarySuspension() + c.monetaryTermination() + c.monetaryOther()),
                    number(c.provisionSuspension() + c.provisionTermination()),
                    number(c.accountSuspension() + c.accountTermination())));
        }
        page.table(List.of(basis, "Measures", "Solely automated", "Visibility", "Monetary", "Service", "Account"),
                cells, new float[] {0.37f, 0.11f, 0.12f, 0.10f, 0.10f, 0.10f, 0.10f});
    }

    private void automatedSection(PdfLayout page) throws IOException {
        AutomatedMeans a = report.automatedMeans();
        page.heading("Automated means", 13);
        page.barChart("Decisions: automated vs human", List.of(
                        new Bar("Solely automated", new double[] {a.measuresSolelyAutomated()}),
                        new Bar("With human involvement", new double[] {a.measuresNotSolelyAutomated()})),
                List.of("Measures"), List.of(PdfLayout.ACCENT));
        page.table(List.of("Indicator of accuracy", "Value"), List.of(
                List.of("Accuracy", percent(a.accuracy())),
                List.of("Precision", percent(a.precision())),
                List.of("Recall", percent(a.recall())),
                List.of("Automated decisions reviewed by a person (basis of the above)",
                        number(a.humanReviewedDecisions()))), new float[] {0.75f, 0.25f});
    }

    private void complaintsSection(PdfLayout page) throws IOException {
        page.heading("Complaints (Article 20) and suspensions (Article 23)", 13);
        long upheld = 0;
        long partially = 0;
        long reversed = 0;
        long omitted = 0;
        List<List<String>> rows = new ArrayList<>();
        for (ComplaintRow c : report.complaints().byType()) {
            upheld += c.upheld();
            partially += c.partiallyReversed();
            reversed += c.reversed();
            omitted += c.omitted();
            rows.add(List.of(complaintLabel(c.type()), number(c.total()), number(c.upheld()),
                    number(c.partiallyReversed()), number(c.reversed()), number(c.omitted()), hours(c.medianHours())));
        }
        page.barChart("Complaint outcomes", List.of(
                        new Bar("Decision upheld", new double[] {upheld}),
                        new Bar("Partially reversed", new double[] {partially}),
                        new Bar("Reversed", new double[] {reversed}),
                        new Bar("Decision omitted", new double[] {omitted})),
                List.of("Complaints"), List.of(PdfLayout.ACCENT_2));
        page.table(List.of("Complaint about", "Total", "Upheld", "Partially reversed", "Reversed", "Omitted",
                "Median hours"), rows, new float[] {0.31f, 0.10f, 0.10f, 0.13f, 0.12f, 0.11f, 0.13f});
        page.paragraph("Complaints submitted: " + number(report.complaints().submitted())
                + ". Restrictions newly imposed as a result of a complaint: "
                + number(report.complaints().restrictionsNewlyImposed()) + ".", page.regular, 9);
        var s = report.suspensions();
        page.table(List.of("Suspensions enacted (Art. 23)", "Number"), List.of(
                List.of("For manifestly illegal content", number(s.manifestlyIllegalContent())),
                List.of("For manifestly unfounded notices", number(s.manifestlyUnfoundedNotices())),
                List.of("For manifestly unfounded complaints", number(s.manifestlyUnfoundedComplaints()))),
                new float[] {0.75f, 0.25f});
    }

    private void qualitativeSection(PdfLayout page) throws IOException {
        if (report.qualitative().isEmpty()) {
            return;
        }
        page.heading("Qualitative information", 13);
        for (QualitativeAnswer q : report.qualitative()) {
            page.paragraph(q.indicator(), page.bold, 10);
            page.paragraph(q.text() == null ? "" : q.text(), page.regular, 9.5f);
        }
    }

    /** The TOTAL row, or the sum of the category rows when the report has none. */
    private NoticeRow noticeTotal() {
        for (NoticeRow n : report.notices()) {
            if (TransparencyReport.TOTAL.equals(n.category())) {
                return n;
            }
        }
        long[] sums = new long[8];
        for (NoticeRow n : report.notices()) {
            if (n.category().startsWith("STATEMENT_CATEGORY_")) {
                sums[0] += n.received();
                sums[1] += n.receivedFromTrustedFlaggers();
                sums[2] += n.items();
                sums[3] += n.itemsFromTrustedFlaggers();
                sums[4] += n.actionsOnLaw();
                sums[5] += n.actionsOnLawTrustedFlaggers();
                sums[6] += n.actionsOnTermsAndConditions();
                sums[7] += n.actionsOnTermsAndConditionsTrustedFlaggers();
            }
        }
        return new NoticeRow(TransparencyReport.TOTAL, sums[0], sums[1], sums[2], sums[3], null, null, sums[4],
                sums[5], sums[6], sums[7]);
    }

    private static OwnInitiativeRow ownInitiativeTotal(List<OwnInitiativeRow> rows) {
        long measures = 0;
        long automated = 0;
        for (OwnInitiativeRow r : rows) {
            if (TransparencyReport.TOTAL.equals(r.category())) {
                return r;
            }
            if (r.category().startsWith("STATEMENT_CATEGORY_")) {
                measures += r.measures();
                automated += r.solelyAutomated();
            }
        }
        return new OwnInitiativeRow(TransparencyReport.TOTAL, measures, automated, RestrictionCounts.NONE);
    }

    /** {@code STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH} → "Illegal or harmful speech"; TOTAL → "Total". */
    static String categoryLabel(String code) {
        String words = code;
        for (String prefix : List.of("STATEMENT_CATEGORY_", "KEYWORD_")) {
            if (words.startsWith(prefix)) {
                words = words.substring(prefix.length());
            }
        }
        words = words.replace('_', ' ').toLowerCase(Locale.ROOT);
        String label = words.isEmpty() ? code : Character.toUpperCase(words.charAt(0)) + words.substring(1);
        return code.startsWith("KEYWORD_") ? "  " + label : label;
    }

    static String complaintLabel(ComplaintType type) {
        return switch (type) {
            case VISIBILITY -> "Removal or visibility restriction";
            case PROVISION -> "Suspension of the service";
            case ACCOUNT -> "Account suspension or termination";
            case MONETARY -> "Monetisation restriction";
            case NOTICE_NOT_ACTED -> "No action on a notice";
            case TRUSTED_FLAGGER_NOTICE_NOT_ACTED -> "No action on a trusted flagger's notice";
        };
    }

    static String number(double value) {
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        return format.format(value);
    }

    private static String hours(Double value) {
        return value == null ? "-" : number(value);
    }

    private static String percent(Double fraction) {
        if (fraction == null) {
            return "not measured";
        }
        return new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(fraction * 100) + " %";
    }
}
