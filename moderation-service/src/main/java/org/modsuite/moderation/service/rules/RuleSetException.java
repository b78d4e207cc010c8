package org.modsuite.moderation.service.rules;

import java.util.List;

/** A rule set that cannot be used: a rule does not compile, or fails its own examples. Each problem names the rule. */
public class RuleSetException extends RuntimeException {

  private final List<String> problems;

  public RuleSetException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
