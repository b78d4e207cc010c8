package org.modsuite.moderation.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.modsuite.moderation.service.rules.Rule;
import org.modsuite.moderation.service.rules.RuleSet;
import org.modsuite.support.rest.Problem;
import org.modsuite.support.rest.ProblemException;

/**
 * The shape of a rule set sent by a client, before it is compiled: required fields present, no duplicate rule ids,
 * factors in range. A missing field is a malformed request (400 naming it), not a rule that fails (422).
 */
final class RuleSetChecks {

  private RuleSetChecks() {
  }

  /** @throws ProblemException 400 naming each malformed field ({@code rules[3].kind}, {@code lexicons.GROUP[2]}) */
  static void check(RuleSet ruleSet) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (ruleSet.noTargetFactor() < 0 || ruleSet.noTargetFactor() > 1) {
      errors.add(new Problem.FieldError("noTargetFactor", "must be between 0 and 1"));
    }
    for (Map.Entry<String, List<String>> lexicon : ruleSet.lexicons().entrySet()) {
      if (lexicon.getValue() == null) {
        errors.add(new Problem.FieldError("lexicons." + lexicon.getKey(), "must be an array of entries"));
        continue;
      }
      for (int i = 0; i < lexicon.getValue().size(); i++) {
        String entry = lexicon.getValue().get(i);
        if (entry == null || entry.isBlank()) {
          errors.add(new Problem.FieldError("lexicons." + lexicon.getKey() + "[" + i + "]", "must not be blank"));
        }
      }
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < ruleSet.rules().size(); i++) {
      Rule rule = ruleSet.rules().get(i);
      if (rule == null) {
        errors.add(new Problem.FieldError("rules[" + i + "]", "must be a rule"));
        continue;
      }
      errors.addAll(problems(rule, "rules[" + i + "]."));
      if (rule.id() != null && !ids.add(rule.id())) {
        errors.add(new Problem.FieldError("rules[" + i + "].id", "is used by another rule"));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
  }

  /** One rule sent alone; {@code prefix} is put before each field name. */
  static void check(Rule rule, String prefix) {
    List<Problem.FieldError> errors = problems(rule, prefix);
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
  }

  private static List<Problem.FieldError> problems(Rule rule, String prefix) {
    List<Problem.FieldError> errors = new ArrayList<>();
    required(errors, prefix + "id", rule.id());
    required(errors, prefix + "description", rule.description());
    required(errors, prefix + "kind", rule.kind());
    required(errors, prefix + "category", rule.category());
    required(errors, prefix + "engine", rule.engine());
    required(errors, prefix + "pattern", rule.pattern());
    List<String> match = rule.examples().match();
    for (int i = 0; i < match.size(); i++) {
      required(errors, prefix + "examples.match[" + i + "]", match.get(i));
    }
    List<String> noMatch = rule.examples().noMatch();
    for (int i = 0; i < noMatch.size(); i++) {
      required(errors, prefix + "examples.noMatch[" + i + "]", noMatch.get(i));
    }
    return errors;
  }

  private static void required(List<Problem.FieldError> errors, String field, String value) {
    if (value == null || value.isBlank()) {
      errors.add(new Problem.FieldError(field, "is required"));
    }
  }
}
