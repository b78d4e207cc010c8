package org.modsuite.report.export;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The figures of one Art. 15/24 DSA transparency report, in the sections of the quantitative and qualitative
 * templates of Implementing Regulation (EU) 2024/2835 that apply to a hosting service and online platform that is not
 * a VLOP: notices, own-initiative moderation (illegal content and terms and conditions), complaints and Art. 23
 * suspensions, automated means, and the qualitative answers. Member States' orders, human resources and AMAR (VLOP
 * sheets) are not modelled.
 *
 * <p>Rows by category carry a {@code category} code as in the template: {@code TOTAL}, a {@code STATEMENT_CATEGORY_*}
 * or a {@code KEYWORD_*} key. Median times are in hours ({@code null} when there was nothing to measure).
 *
 * @param previousPublicationDate the latest previous report's publication date, {@code null} for the first report
 */
public record TransparencyReport(
        String providerName,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate publicationDate,
        LocalDate previousPublicationDate,
        List<NoticeRow> notices,
        List<OwnInitiativeRow> ownInitiativeIllegal,
        List<OwnInitiativeRow> ownInitiativeTermsAndConditions,
        Complaints complaints,
        Suspensions suspensions,
        AutomatedMeans automatedMeans,
        List<QualitativeAnswer> qualitative) {

    public TransparencyReport {
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        Objects.requireNonNull(publicationDate, "publicationDate");
        if (periodEnd.isBefore(periodStart)) {
            throw new IllegalArgumentException("periodEnd is before periodStart");
        }
        notices = List.copyOf(notices);
        ownInitiativeIllegal = List.copyOf(ownInitiativeIllegal);
        ownInitiativeTermsAndConditions = List.copyOf(ownInitiativeTermsAndConditions);
        Objects.requireNonNull(complaints, "complaints");
        Objects.requireNonNull(suspensions, "suspensions");
        Objects.requireNonNull(automatedMeans, "automatedMeans");
        qualitative = List.copyOf(qualitative);
    }

    /** The category code of the rows that sum up all categories. */
    public static final String TOTAL = "TOTAL";

    /** Art. 16 notices of one category (template sheet 4). */
    public record NoticeRow(
            String category,
            long received,
            long receivedFromTrustedFlaggers,
            long items,
            long itemsFromTrustedFlaggers,
            Double medianHoursToAction,
            Double medianHoursToActionTrustedFlaggers,
            long actionsOnLaw,
            long actionsOnLawTrustedFlaggers,
            long actionsOnTermsAndConditions,
            long actionsOnTermsAndConditionsTrustedFlaggers) {
    }

    /** Own-initiative measures of one category (template sheets 5 and 6). */
    public record OwnInitiativeRow(String category, long measures, long solelyAutomated, RestrictionCounts restrictions) {
    }

    /** Measures by type of restriction, mirroring the SoR {@code decision_*} values. */
    public record RestrictionCounts(
            long visibilityRemoved,
            long visibilityDisabled,
            long visibilityDemoted,
            long visibilityAgeRestricted,
            long visibilityInteractionRestricted,
            long visibilityLabelled,
            long visibilityOther,
            long monetarySuspension,
            long monetaryTermination,
            long monetaryOther,
            long provisionSuspension,
            long provisionTermination,
            long accountSuspension,
            long accountTermination) {

        public static final RestrictionCounts NONE = new RestrictionCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        /** The counts in template column order. */
        public List<Long> values() {
            return List.of(visibilityRemoved, visibilityDisabled, visibilityDemoted, visibilityAgeRestricted,
                    visibilityInteractionRestricted, visibilityLabelled, visibilityOther, monetarySuspension,
                    monetaryTermination, monetaryOther, provisionSuspension, provisionTermination, accountSuspension,
                    accountTermination);
        }
    }

    /** The internal complaint-handling system, Art. 20 (template sheet 7). */
    public record Complaints(long submitted, long restrictionsNewlyImposed, List<ComplaintRow> byType) {
        public Complaints {
            byType = List.copyOf(byType);
        }
    }

    /** The kinds of decision a complaint can be about, labelled as in the template. */
    public enum ComplaintType {
        VISIBILITY("Complaint regarding a decision to remove or disable access to or restrict visibility of information"),
        PROVISION("Complaint regarding a decision to suspend or terminate the provision of the service"),
        ACCOUNT("Complaint regarding a decision to suspend or terminate an account"),
        MONETARY("Complaint regarding a decision to restrict the ability to monetise information"),
        NOTICE_NOT_ACTED("Complaint regarding a decision not to take action on a notice submitted in accordance with"
                + " Article 16"),
        TRUSTED_FLAGGER_NOTICE_NOT_ACTED("Complaint regarding a decision not to take action on a notice submitted by a"
                + " Trusted Flagger in accordance with Article 16");

        private final String label;

        ComplaintType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Outcomes of the complaints about one kind of decision. */
    public record ComplaintRow(
            ComplaintType type, long total, long upheld, long partiallyReversed, long reversed, long omitted,
            Double medianHours) {
    }

    /** Art. 23 suspensions for misuse, Art. 24(1)(b). */
    public record Suspensions(
            long manifestlyIllegalContent, long manifestlyUnfoundedNotices, long manifestlyUnfoundedComplaints) {
    }

    /**
     * Automated means (template sheet 8). Accuracy, precision and recall are fractions from 0 to 1 ({@code null} when
     * not measured), estimated from {@code humanReviewedDecisions} automated decisions that a person reviewed.
     */
    public record AutomatedMeans(
            long measuresSolelyAutomated,
            long measuresNotSolelyAutomated,
            Double accuracy,
            Double precision,
            Double recall,
            long humanReviewedDecisions) {
    }

    /** One free-text indicator of the qualitative template, e.g. the safeguards applied to automated means. */
    public record QualitativeAnswer(String indicator, String text) {
    }
}
