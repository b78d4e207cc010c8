package org.modsuite.report.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modsuite.support.rest.Problem.FieldError;

/** A moderator's decision names every missing DSA element before anything is written. */
class DecisionValidatorTests {

  private static DecisionRequest decision(String action, String ground, String legal, String contractual, List<String> visibility, String monetary,
      LocalDate end) {
    return new DecisionRequest(action, ground, legal, contractual, "Incites hatred against refugees as a group.", null,
        "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", List.of("KEYWORD_HATE_SPEECH"), visibility, null, monetary, null, null, null, List.of("DE"),
        end, null);
  }

  private static List<String> fields(DecisionRequest d) {
    return DecisionValidator.validate(d).stream().map(FieldError::field).toList();
  }

  @Test
  void validDecisionsPass() {
    assertThat(fields(decision("remove", "DECISION_GROUND_ILLEGAL_CONTENT", "§ 130 StGB", null, null, null, null))).isEmpty();
    assertThat(fields(decision("restrict", "DECISION_GROUND_INCOMPATIBLE_CONTENT", null, "Guidelines 3", List.of("DECISION_VISIBILITY_CONTENT_DEMOTED"),
        null, LocalDate.now().plusDays(30)))).isEmpty();
    assertThat(fields(new DecisionRequest("no_action", null, null, null, "Criticism of policy, no attack on a group.", null, null, null, null, null,
        null, null, null, null, null, null, true))).isEmpty();
  }

  @Test
  void eachMissingOrWrongElementIsNamed() {
    assertThat(fields(decision("remove", "DECISION_GROUND_ILLEGAL_CONTENT", null, null, null, null, null))).containsExactly("legalGround");
    assertThat(fields(decision("remove", "DECISION_GROUND_INCOMPATIBLE_CONTENT", null, null, null, null, null))).containsExactly("contractualGround");
    assertThat(fields(decision("restrict", "DECISION_GROUND_INCOMPATIBLE_CONTENT", null, "Guidelines 3", null, null, null))).containsExactly("visibility");
    assertThat(fields(decision("restrict", "DECISION_GROUND_INCOMPATIBLE_CONTENT", null, "Guidelines 3", List.of("DECISION_VISIBILITY_OTHER"), null,
        null))).containsExactly("visibilityOther");
    assertThat(fields(decision("restrict", "DECISION_GROUND_INCOMPATIBLE_CONTENT", null, "Guidelines 3", null, "DECISION_MONETARY_OTHER", null)))
        .containsExactly("monetaryOther");
    assertThat(fields(decision("ban", "GROUND", "x", null, List.of("VISIBLE"), "MONEY", LocalDate.of(2040, 1, 1))))
        .contains("action", "ground", "visibility[0]", "monetary", "endDate");
    assertThat(fields(null)).containsExactly("body");
  }
}
