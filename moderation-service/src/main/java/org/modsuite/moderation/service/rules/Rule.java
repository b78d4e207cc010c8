package org.modsuite.moderation.service.rules;

import java.util.List;

/**
 * One rule of a {@link RuleSet}, written in one of CoreNLP's rule languages.
 *
 * @param id stable id, prefixed with the language ({@code en.dehum.group-is-vermin})
 * @param description what it finds, in words a moderator understands; shown as the reason
 * @param kind {@code target} (a protected group is named), {@code attack} (scores in {@link #category}) or
 *     {@code shield} (lowers the attacks it covers: speech that must not be flagged)
 * @param category for attacks one of the analysis categories; for shields the phenomenon ({@code negation},
 *     {@code quotation}, {@code counter-speech}, {@code news}, {@code question}, {@code own-group}, {@code homonym},
 *     {@code non-protected}, {@code policy}); for targets the group
 * @param engine {@code tokensregex} (over tokens; {@code lemma} and {@code tag} attributes make it a deep rule) or
 *     {@code semgrex} (over the dependency graph: always deep)
 * @param pattern the pattern; {@code $NAME} refers to the lexicon {@code NAME} of the rule set
 * @param weight attacks: the score of a hit (0..1); shields: the factor applied to the attacks it covers (0..1)
 * @param scope shields only: {@code span} (attacks overlapping the match), {@code sentence} or {@code post}
 * @param targeted attacks only: whether the pattern itself names the group (no "no group named" discount)
 * @param state {@code active} or {@code shadow} (evaluated and reported, never changes a score)
 * @param examples the rule's own test cases
 */
public record Rule(String id, String description, String kind, String category, String engine, String pattern, double weight,
    String scope, boolean targeted, String state, Examples examples) {

  public static final String TARGET = "target";
  public static final String ATTACK = "attack";
  public static final String SHIELD = "shield";
  public static final String TOKENSREGEX = "tokensregex";
  public static final String SEMGREX = "semgrex";
  public static final String ACTIVE = "active";
  public static final String SHADOW = "shadow";

  /** Texts the rule must match, and texts it must not. */
  public record Examples(List<String> match, List<String> noMatch) {

    public Examples {
      match = match == null ? List.of() : List.copyOf(match);
      noMatch = noMatch == null ? List.of() : List.copyOf(noMatch);
    }
  }

  public Rule {
    state = state == null ? ACTIVE : state;
    scope = scope == null ? "sentence" : scope;
    examples = examples == null ? new Examples(List.of(), List.of()) : examples;
  }

  public boolean shadow() {
    return SHADOW.equals(state);
  }

  /** Whether the rule needs tags, lemmas or dependencies: it runs only on posts the cheap stage found relevant. */
  public boolean deep() {
    return SEMGREX.equals(engine) || pattern.contains("lemma:") || pattern.contains("tag:");
  }

  public Rule withState(String newState) {
    return new Rule(id, description, kind, category, engine, pattern, weight, scope, targeted, newState, examples);
  }
}
