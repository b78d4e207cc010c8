package org.modsuite.report.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.modsuite.report.export.TransparencyReport.AutomatedMeans;
import org.modsuite.report.export.TransparencyReport.ComplaintRow;
import org.modsuite.report.export.TransparencyReport.Complaints;
import org.modsuite.report.export.TransparencyReport.NoticeRow;
import org.modsuite.report.export.TransparencyReport.OwnInitiativeRow;
import org.modsuite.report.export.TransparencyReport.QualitativeAnswer;
import org.modsuite.report.export.TransparencyReport.Suspensions;

/**
 * Lays a {@link TransparencyReport} out as the tables of the 2024/2835 templates, in the templates' order, with the
 * templates' indicator names as column labels. Sections by category are wide (one row per category code); complaints
 * and automated means are long (indicator, scope, value), as their template sheets mix indicators of different
 * shapes.
 */
public final class TransparencyReportTables {

    public static final String CATEGORY = "Category";
    public static final String INDICATOR = "Indicator";
    public static final String SCOPE = "Scope";
    public static final String VALUE = "Value";
    public static final String UNIT = "Unit";
    public static final String CONTEXT = "Contextual information";

    public static final List<String> NOTICE_INDICATORS = List.of(
            "Number of notices received",
            "Number of notices received from Trusted flaggers",
            "Number of specific items of information included in the total number of notices",
            "Number of specific items of information included in the total number of notices by Trusted Flaggers"
                    + " (Trusted Flagger notices)",
            "Median time to take action",
            "Median time to take action (Trusted Flagger notices)",
            "Number of actions taken on the basis of the law",
            "Number of actions taken on the basis of the law (Trusted Flagger notices)",
            "Number of actions taken on the basis of the terms and conditions of the service",
            "Number of actions taken on the basis of the terms and conditions of the service (Trusted Flagger notices)");

    public static final List<String> OWN_INITIATIVE_INDICATORS = List.of(
            "Number of measures taken at the provider's own initiative",
            "Number of measures taken after detection with solely automated means",
            "Visibility restriction Removal",
            "Visibility restriction Disable",
            "Visibility restriction Demoted",
            "Visibility restriction Age restricted",
            "Visibility restriction Interaction restricted",
            "Visibility restriction Labelled",
            "Visibility restriction Other",
            "Monetary restriction Suspension",
            "Monetary restriction Termination",
            "Monetary restriction Other",
            "Provision of the service Suspension",
            "Provision of the service Termination",
            "Account restriction Suspension",
            "Account restriction Termination");

    public static final String COMPLAINTS_SUBMITTED = "Number of complaints submitted to the internal-complaints mechanism";
    public static final String RESTRICTIONS_NEWLY_IMPOSED =
            "Number of restrictions newly imposed as a result of an internal complaint";
    public static final List<String> COMPLAINT_SCOPES = List.of(
            "Total number", "Decisions upheld", "Decisions partially reversed", "Decisions reversed", "Median time",
            "Decision omitted");
    public static final List<String> SUSPENSION_INDICATORS = List.of(
            "Number of suspensions enacted for the provision of manifestly illegal content",
            "Number of suspensions enacted for the provision of manifestly unfounded notices",
            "Number of suspensions enacted for the provision of manifestly unfounded complaints");
    public static final List<String> AUTOMATED_INDICATORS = List.of(
            "Number of measures solely taken by automated means",
            "Number of measures not taken by automated means",
            "Accuracy of the automated means - Accuracy",
            "Accuracy of the automated means - Precision",
            "Accuracy of the automated means - Recall");

    private TransparencyReportTables() {
    }

    /** The sections in template order: 1, 4, 5, 6, 7, 8, 11. */
    public static List<ReportTable> of(TransparencyReport report) {
        return List.of(
                identification(report),
                notices(report.notices()),
                ownInitiative("5_own_initiative_illegal", "Own initiative (illegal)",
                        report.ownInitiativeIllegal()),
                ownInitiative("6_own_initiative_terms", "Own initiative (T&C)",
                        report.ownInitiativeTermsAndConditions()),
                appeals(report.complaints(), report.suspensions()),
                automated(report.automatedMeans()),
                qualitative(report.qualitative()));
    }

    static ReportTable identification(TransparencyReport r) {
        return new ReportTable("1_report_identification", "Report identification", List.of(INDICATOR, VALUE), List.of(
                Arrays.asList("Name of the service provider", r.providerName()),
                Arrays.asList("Date of the publication of the report", r.publicationDate()),
                Arrays.asList("Date of the publication of the latest previous report", r.previousPublicationDate()),
                Arrays.asList("Starting date of reporting period", r.periodStart()),
                Arrays.asList("Ending date of reporting period", r.periodEnd())));
    }

    static ReportTable notices(List<NoticeRow> notices) {
        List<String> columns = new ArrayList<>();
        columns.add(CATEGORY);
        columns.addAll(NOTICE_INDICATORS);
        List<List<Object>> rows = new ArrayList<>();
        for (NoticeRow n : notices) {
            rows.add(Arrays.asList(n.category(), n.received(), n.receivedFromTrustedFlaggers(), n.items(),
                    n.itemsFromTrustedFlaggers(), n.medianHoursToAction(), n.medianHoursToActionTrustedFlaggers(),
                    n.actionsOnLaw(), n.actionsOnLawTrustedFlaggers(), n.actionsOnTermsAndConditions(),
                    n.actionsOnTermsAndConditionsTrustedFlaggers()));
        }
        return new ReportTable("4_notices", "Notices", columns, rows);
    }

    static ReportTable ownInitiative(String id, String title, List<OwnInitiativeRow> measures) {
        List<String> columns = new ArrayList<>();
        columns.add(CATEGORY);
        columns.addAll(OWN_INITIATIVE_INDICATORS);
        List<List<Object>> rows = new ArrayList<>();
        for (OwnInitiativeRow m : measures) {
            List<Object> row = new ArrayList<>();
            row.add(m.category());
            row.add(m.measures());
            row.add(m.solelyAutomated());
            row.addAll(m.restrictions().values());
            rows.add(row);
        }
        return new ReportTable(id, title, columns, rows);
    }

    static ReportTable appeals(Complaints complaints, Suspensions suspensions) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList(COMPLAINTS_SUBMITTED, "Total number", complaints.submitted(), "number"));
        for (ComplaintRow c : complaints.byType()) {
            String indicator = c.type().label();
            rows.add(Arrays.asList(indicator, "Total number", c.total(), "number"));
            rows.add(Arrays.asList(indicator, "Decisions upheld", c.upheld(), "number"));
            rows.add(Arrays.asList(indicator, "Decisions partially reversed", c.partiallyReversed(), "number"));
            rows.add(Arrays.asList(indicator, "Decisions reversed", c.reversed(), "number"));
            rows.add(Arrays.asList(indicator, "Median time", c.medianHours(), "hours"));
            rows.add(Arrays.asList(indicator, "Decision omitted", c.omitted(), "number"));
        }
        rows.add(Arrays.asList(RESTRICTIONS_NEWLY_IMPOSED, "Total number", complaints.restrictionsNewlyImposed(),
                "number"));
        rows.add(Arrays.asList(SUSPENSION_INDICATORS.get(0), "Total number", suspensions.manifestlyIllegalContent(),
                "number"));
        rows.add(Arrays.asList(SUSPENSION_INDICATORS.get(1), "Total number", suspensions.manifestlyUnfoundedNotices(),
                "number"));
        rows.add(Arrays.asList(SUSPENSION_INDICATORS.get(2), "Total number",
                suspensions.manifestlyUnfoundedComplaints(), "number"));
        return new ReportTable("7_appeals_and_recidivism", "Appeals and recidivism",
                List.of(INDICATOR, SCOPE, VALUE, UNIT), rows);
    }

    static ReportTable automated(AutomatedMeans a) {
        String basis = "Estimated from " + a.humanReviewedDecisions() + " automated decisions reviewed by a person";
        List<List<Object>> rows = List.of(
                Arrays.asList(AUTOMATED_INDICATORS.get(0), a.measuresSolelyAutomated(), null),
                Arrays.asList(AUTOMATED_INDICATORS.get(1), a.measuresNotSolelyAutomated(), null),
                Arrays.asList(AUTOMATED_INDICATORS.get(2), a.accuracy(), basis),
                Arrays.asList(AUTOMATED_INDICATORS.get(3), a.precision(), basis),
                Arrays.asList(AUTOMATED_INDICATORS.get(4), a.recall(), basis));
        return new ReportTable("8_automated_means", "Automated means", List.of(INDICATOR, VALUE, CONTEXT), rows);
    }

    static ReportTable qualitative(List<QualitativeAnswer> answers) {
        List<List<Object>> rows = new ArrayList<>();
        for (QualitativeAnswer a : answers) {
            rows.add(Arrays.asList(a.indicator(), a.text()));
        }
        return new ReportTable("11_qualitative", "Qualitative information", List.of(INDICATOR, "Answer"), rows);
    }
}
