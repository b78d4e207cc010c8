package org.modsuite.report.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.modsuite.report.Decision;
import org.modsuite.report.ModerationCase;
import org.modsuite.report.dsa.SorJson;
import org.modsuite.report.dsa.SorSchema;
import org.modsuite.report.dsa.StatementOfReasons;

/**
 * The statement of reasons of a restricting decision, in the Transparency Database's format. It carries no personal
 * data: no author, no notifier, no post text; the facts are the kind of detection and the moderator's explanation.
 */
public final class StatementFactory {

  private static final LocalDate EARLIEST_CONTENT_DATE = LocalDate.of(2000, 1, 1);

  private StatementFactory() {
  }

  public static String puid(Decision d) {
    return "modsuite-" + d.id;
  }

  /** {@code contentCreatedAt} is when the post was published (null if unknown: the case's post version is used). */
  public static StatementOfReasons of(Decision d, ModerationCase c, Instant contentCreatedAt, String termsUrl) {
    List<String> visibility = list(d.visibility);
    StatementOfReasons.Builder b = StatementOfReasons.builder()
        .puid(puid(d))
        .category(d.category)
        .contentType("CONTENT_TYPE_TEXT")
        .contentDate(contentDate(contentCreatedAt, c))
        .applicationDate(d.decidedAt.atZone(ZoneOffset.UTC).toLocalDate())
        .decisionFacts(facts(d, c))
        .sourceType(d.sourceType)
        .automated(d.automatedDetection, d.automatedDecision)
        .territorialScope(list(d.territorialScope).isEmpty() ? List.copyOf(SorSchema.TERRITORIAL_SCOPES) : list(d.territorialScope));
    if (!list(d.keywords).isEmpty()) {
      b.categorySpecification(list(d.keywords));
    }
    if (!visibility.isEmpty()) {
      b.decisionVisibility(visibility).endDateVisibilityRestriction(d.endDate);
    }
    if (d.monetary != null) {
      b.decisionMonetary(d.monetary).endDateMonetaryRestriction(d.endDate);
    }
    if (d.provision != null) {
      b.decisionProvision(d.provision).endDateServiceRestriction(d.endDate);
    }
    if (d.account != null) {
      b.decisionAccount(d.account).endDateAccountRestriction(d.endDate);
    }
    if (StatementOfReasons.ILLEGAL_CONTENT.equals(d.decisionGround)) {
      b.illegalContent(d.legalGround, d.explanation);
    } else {
      b.incompatibleContent(d.contractualGround, d.explanation, d.incompatibleIllegal);
      if (termsUrl != null) {
        b.decisionGroundReferenceUrl(termsUrl);
      }
    }
    String language = c.getLanguage() == null ? null : c.getLanguage().toUpperCase(Locale.ROOT);
    if (language != null && SorSchema.CONTENT_LANGUAGES.contains(language)) {
      b.contentLanguage(language);
    }
    return b.build();
  }

  static String facts(Decision d, ModerationCase c) {
    String detection = switch (d.sourceType) {
      case "SOURCE_TRUSTED_FLAGGER" -> "A trusted flagger notified the content (Art. 22 DSA).";
      case "SOURCE_ARTICLE_16" -> "The content was notified under Art. 16 DSA.";
      default -> "The content was found on the provider's own initiative.";
    };
    String analysis = c.getModelVersion() == null ? "" : " Automated analysis (model " + c.getModelVersion() + ", rules " + c.getRulesVersion()
        + ", policy " + c.getPolicyVersion() + ") rated it " + c.getTopCategory() + " with score " + String.format(Locale.ROOT, "%.2f", c.getTopScore()) + ".";
    String who = "AUTOMATED_DECISION_FULLY".equals(d.automatedDecision) ? " The decision was taken by automated means under the provider's policy."
        : " A trained moderator reviewed the content and decided.";
    return detection + analysis + who;
  }

  private static LocalDate contentDate(Instant createdAt, ModerationCase c) {
    Instant at = createdAt != null ? createdAt : c.getPostVersion() != null ? Instant.ofEpochMilli(c.getPostVersion()) : c.getOpenedAt();
    LocalDate date = at.atZone(ZoneOffset.UTC).toLocalDate();
    return date.isBefore(EARLIEST_CONTENT_DATE) ? EARLIEST_CONTENT_DATE : date;
  }

  /** A JSON array column as a list. */
  static List<String> list(String json) {
    try {
      return json == null ? List.of() : SorJson.mapper().readValue(json, new TypeReference<List<String>>() { });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not a JSON array of strings: " + json, e);
    }
  }
}
