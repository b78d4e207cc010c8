package org.modsuite.report.dsa;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Valid statements of reasons for tests, one per decision ground; other test classes may use them too. */
public final class SampleStatements {

  private SampleStatements() {
  }

  /** Illegal content (R5): a hate-speech text post removed in DE and AT after an Art. 16 notice. */
  public static StatementOfReasons illegal(String puid) {
    return StatementOfReasons.builder()
        .decisionVisibility("DECISION_VISIBILITY_CONTENT_REMOVED")
        .illegalContent("Section 130 of the German Criminal Code (incitement to hatred)",
            "The post calls for violence against a group defined by its religion.")
        .decisionGroundReferenceUrl("https://www.gesetze-im-internet.de/stgb/__130.html")
        .category("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH")
        .categorySpecification("KEYWORD_HATE_SPEECH")
        .contentType("CONTENT_TYPE_TEXT")
        .contentLanguage("DE")
        .contentDate(LocalDate.of(2025, 6, 30))
        .applicationDate(LocalDate.of(2025, 7, 1))
        .territorialScope("AT", "DE")
        .decisionFacts("A text post was reported under Art. 16 DSA, reviewed by a moderator and removed on 2025-07-01.")
        .sourceType("SOURCE_ARTICLE_16")
        .automated(false, "AUTOMATED_DECISION_NOT_AUTOMATED")
        .puid(puid)
        .build();
  }

  /**
   * Terms and conditions (R6): spam found by our own classifier, demoted and the account suspended until an end
   * date, also flagged as illegal.
   */
  public static StatementOfReasons incompatible(String puid) {
    return StatementOfReasons.builder()
        .decisionVisibility("DECISION_VISIBILITY_CONTENT_DEMOTED")
        .decisionAccount("DECISION_ACCOUNT_SUSPENDED")
        .endDateAccountRestriction(LocalDate.of(2025, 8, 1))
        .accountType("ACCOUNT_TYPE_PRIVATE")
        .incompatibleContent("Community guidelines, section 4 (spam and scams)",
            "The account posted the same link to a fake shop 40 times in one hour.", true)
        .category("STATEMENT_CATEGORY_SCAMS_AND_FRAUD")
        .categoryAddition("STATEMENT_CATEGORY_OTHER_VIOLATION_TC")
        .categorySpecification("KEYWORD_INAUTHENTIC_LISTINGS", "KEYWORD_OTHER")
        .categorySpecificationOther("Repeated posting of the same link")
        .contentType("CONTENT_TYPE_TEXT", "CONTENT_TYPE_OTHER")
        .contentTypeOther("Link preview")
        .contentLanguage("EN")
        .contentDate(LocalDate.of(2025, 7, 2))
        .applicationDate(LocalDate.of(2025, 7, 2))
        .decisionFacts("Found by an automated spam classifier and applied without human review.")
        .sourceType("SOURCE_VOLUNTARY")
        .automated(true, "AUTOMATED_DECISION_FULLY")
        .contentId(ContentId.ean13("4006381333931"))
        .puid(puid)
        .build();
  }

  public static ObjectNode json(StatementOfReasons statement) {
    return (ObjectNode) SorJson.toJson(statement);
  }
}
