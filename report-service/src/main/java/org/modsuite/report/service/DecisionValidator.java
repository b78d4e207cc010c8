package org.modsuite.report.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.modsuite.report.dsa.SorSchema;
import org.modsuite.report.dsa.StatementOfReasons;
import org.modsuite.support.rest.Problem.FieldError;

/** Checks a moderator's decision before anything is written, naming every missing or wrong element. */
public final class DecisionValidator {

  static final Set<String> ACTIONS = Set.of("remove", "restrict", "label", "no_action");

  private DecisionValidator() {
  }

  public static List<FieldError> validate(DecisionRequest d) {
    List<FieldError> errors = new ArrayList<>();
    if (d == null) {
      return List.of(new FieldError("body", "a decision is required"));
    }
    if (d.action() == null || !ACTIONS.contains(d.action())) {
      errors.add(new FieldError("action", "must be one of remove, restrict, label, no_action"));
    }
    if (d.explanation() == null || d.explanation().strip().length() < 10) {
      errors.add(new FieldError("explanation", "explain the decision, at least 10 characters"));
    } else if (d.explanation().strip().length() > 2000) {
      errors.add(new FieldError("explanation", "at most 2,000 characters"));
    }
    if ("no_action".equals(d.action()) || d.action() == null) {
      return errors;
    }
    if (d.ground() == null || !SorSchema.DECISION_GROUNDS.contains(d.ground())) {
      errors.add(new FieldError("ground", "must be DECISION_GROUND_ILLEGAL_CONTENT or DECISION_GROUND_INCOMPATIBLE_CONTENT"));
    } else if (StatementOfReasons.ILLEGAL_CONTENT.equals(d.ground())) {
      requireText(errors, "legalGround", d.legalGround(), "the legal ground is required for illegal content (Art. 17(3)(d)), e.g. § 130 StGB");
    } else {
      requireText(errors, "contractualGround", d.contractualGround(), "the contractual ground is required for content incompatible with the terms (Art. 17(3)(e))");
    }
    if (d.category() == null || !SorSchema.CATEGORIES.contains(d.category())) {
      errors.add(new FieldError("category", "must be a STATEMENT_CATEGORY_* key"));
    }
    checkEach(errors, "keywords", d.keywords(), SorSchema.KEYWORDS);
    checkEach(errors, "visibility", d.visibility(), SorSchema.DECISION_VISIBILITY);
    checkEach(errors, "territorialScope", d.territorialScope(), SorSchema.TERRITORIAL_SCOPES);
    checkOne(errors, "monetary", d.monetary(), SorSchema.DECISION_MONETARY);
    checkOne(errors, "provision", d.provision(), SorSchema.DECISION_PROVISION);
    checkOne(errors, "account", d.account(), SorSchema.DECISION_ACCOUNT);
    if (d.visibility() != null && d.visibility().contains("DECISION_VISIBILITY_OTHER")) {
      requireText(errors, "visibilityOther", d.visibilityOther(), "describe the other visibility restriction");
    }
    if ("DECISION_MONETARY_OTHER".equals(d.monetary())) {
      requireText(errors, "monetaryOther", d.monetaryOther(), "describe the other monetary restriction");
    }
    boolean anyRestriction = (d.visibility() != null && !d.visibility().isEmpty()) || d.monetary() != null || d.provision() != null
        || d.account() != null;
    if ("restrict".equals(d.action()) && !anyRestriction) {
      errors.add(new FieldError("visibility", "a restriction needs at least one of visibility, monetary, provision or account"));
    }
    if (d.endDate() != null && (d.endDate().isBefore(LocalDate.now()) || d.endDate().isAfter(LocalDate.of(2038, 1, 1)))) {
      errors.add(new FieldError("endDate", "must be between today and 2038-01-01"));
    }
    return errors;
  }

  private static void requireText(List<FieldError> errors, String field, String value, String message) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, message));
    } else if (value.strip().length() > 500) {
      errors.add(new FieldError(field, "at most 500 characters"));
    }
  }

  private static void checkEach(List<FieldError> errors, String field, List<String> values, Set<String> allowed) {
    if (values == null) {
      return;
    }
    for (int i = 0; i < values.size(); i++) {
      if (!allowed.contains(values.get(i))) {
        errors.add(new FieldError(field + "[" + i + "]", "unknown value " + values.get(i)));
      }
    }
  }

  private static void checkOne(List<FieldError> errors, String field, String value, Set<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      errors.add(new FieldError(field, "unknown value " + value));
    }
  }
}
