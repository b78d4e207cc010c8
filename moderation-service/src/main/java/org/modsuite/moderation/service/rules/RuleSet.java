package org.modsuite.moderation.service.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The versioned rules of one language: lexicons (word lists that patterns refer to as {@code $NAME}), the rules, and
 * the factor an attack gets when the post names no protected group. Bundled as {@code rules/<lang>.json}; trained
 * staff change it through {@code /api/v1/rules}.
 *
 * @param lexicons name → entries; an entry is one token regex, or several separated by spaces for a phrase
 *     ({@code asylum seekers?})
 */
public record RuleSet(String version, String language, String description, double noTargetFactor, Map<String, List<String>> lexicons,
    List<Rule> rules) {

  public RuleSet {
    lexicons = lexicons == null ? Map.of() : new LinkedHashMap<>(lexicons);
    rules = rules == null ? List.of() : List.copyOf(rules);
    noTargetFactor = noTargetFactor == 0 ? 0.6 : noTargetFactor;
  }

  public RuleSet withVersion(String newVersion) {
    return new RuleSet(newVersion, language, description, noTargetFactor, lexicons, rules);
  }
}
