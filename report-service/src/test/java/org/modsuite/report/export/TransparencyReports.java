package org.modsuite.report.export;

import java.time.LocalDate;
import java.util.List;
import org.modsuite.report.export.TransparencyReport.AutomatedMeans;
import org.modsuite.report.export.TransparencyReport.ComplaintRow;
import org.modsuite.report.export.TransparencyReport.ComplaintType;
import org.modsuite.report.export.TransparencyReport.Complaints;
import org.modsuite.report.export.TransparencyReport.NoticeRow;
import org.modsuite.report.export.TransparencyReport.OwnInitiativeRow;
import org.modsuite.report.export.TransparencyReport.QualitativeAnswer;
import org.modsuite.report.export.TransparencyReport.RestrictionCounts;
import org.modsuite.report.export.TransparencyReport.Suspensions;

/** A filled-in report for the writer tests; not a test itself. */
final class TransparencyReports {

    private TransparencyReports() {
    }

    static TransparencyReport sample() {
        return new TransparencyReport(
                "ModSuite Démo GmbH – Zażółć",
                LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 31), LocalDate.of(2026, 2, 20), null,
                List.of(
                        new NoticeRow("TOTAL", 1_240, 310, 1_500, 340, 18.5, 6.0, 610, 190, 240, 60),
                        new NoticeRow("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", 820, 250, 990, 270, 16.0, 5.5,
                                480, 160, 150, 40),
                        new NoticeRow("KEYWORD_HATE_SPEECH", 700, 240, 840, 255, 15.0, 5.0, 430, 150, 120, 35),
                        new NoticeRow("STATEMENT_CATEGORY_SCAMS_AND_FRAUD", 260, 40, 300, 50, 30.0, 9.0, 90, 20, 60, 10),
                        new NoticeRow("STATEMENT_CATEGORY_VIOLENCE", 160, 20, 210, 20, 21.0, null, 40, 10, 30, 10)),
                List.of(new OwnInitiativeRow("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", 3_400, 2_100,
                        new RestrictionCounts(2_900, 100, 200, 0, 50, 0, 0, 0, 0, 0, 0, 0, 120, 30))),
                List.of(new OwnInitiativeRow("STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE", 800, 500,
                        new RestrictionCounts(300, 0, 400, 20, 0, 80, 0, 0, 0, 0, 0, 0, 0, 0))),
                new Complaints(420, 12, List.of(
                        new ComplaintRow(ComplaintType.VISIBILITY, 300, 210, 20, 60, 10, 40.0),
                        new ComplaintRow(ComplaintType.ACCOUNT, 80, 50, 5, 20, 5, 55.5),
                        new ComplaintRow(ComplaintType.NOTICE_NOT_ACTED, 40, 28, 0, 12, 0, 30.0))),
                new Suspensions(14, 3, 1),
                new AutomatedMeans(2_600, 3_050, 0.934, 0.91, 0.87, 1_200),
                List.of(new QualitativeAnswer("Summary of the content moderation engaged in at the provider's own"
                                + " initiative", "Posts are scored by a multilingual classifier; posts above the"
                                + " removal threshold with rule evidence are removed, others go to review.\n"
                                + "Moderators work in German, English, Arabic and Ukrainian (українська) – "
                                + "non-Latin text must not break the PDF. Emoji too: 🚫."),
                        new QualitativeAnswer("Safeguards applied to the use of automated means",
                                "Every automated removal can be appealed; a sample is reviewed weekly.")));
    }
}
