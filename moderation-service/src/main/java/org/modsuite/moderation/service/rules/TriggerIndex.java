package org.modsuite.moderation.service.rules;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.CoreMap;

/**
 * The token regexes the rules of a set are triggered by (see {@link TokenTriggers}), numbered, and which of them a
 * sentence's tokens match. A regex is matched as TokensRegex matches a token: in full, against its word. Most are
 * alternations of plain words ({@code are|is|were}), which are looked up in one hash map per token instead of being
 * run as regexes; only the alternatives with regex syntax are run.
 */
final class TriggerIndex {

  private static final Pattern METACHARACTERS = Pattern.compile("[\\\\.\\[\\](){}*+?^$|]");

  private final Map<String, Integer> ids = new LinkedHashMap<>();
  private final Map<String, BitSet> byWord = new HashMap<>();
  private final List<RegexTrigger> regexes = new ArrayList<>();

  /** The number of {@code regex}, added if new. */
  int id(String regex) {
    Integer known = ids.get(regex);
    if (known != null) {
      return known;
    }
    int id = ids.size();
    ids.put(regex, id);
    List<String> alternatives = topLevelAlternatives(regex);
    List<Pattern> compiled = new ArrayList<>();
    try {
      for (String alternative : alternatives) {
        compiled.add(METACHARACTERS.matcher(alternative).find() ? Pattern.compile(alternative) : null);
      }
    } catch (PatternSyntaxException e) { // split where it should not have been: the regex is run whole
      alternatives = List.of(regex);
      compiled = List.of(Pattern.compile(regex));
    }
    for (int i = 0; i < alternatives.size(); i++) {
      if (compiled.get(i) != null) {
        regexes.add(new RegexTrigger(id, literalPrefix(alternatives.get(i)), compiled.get(i)));
      } else {
        byWord.computeIfAbsent(alternatives.get(i), w -> new BitSet()).set(id);
      }
    }
    return id;
  }

  /** The triggers some token of {@code sentence} matches. */
  BitSet present(CoreMap sentence) {
    BitSet present = new BitSet(ids.size());
    for (CoreLabel token : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
      String word = token.word();
      BitSet words = byWord.get(word);
      if (words != null) {
        present.or(words);
      }
      for (RegexTrigger regex : regexes) {
        if (word.startsWith(regex.prefix) && !present.get(regex.id) && regex.pattern.matcher(word).matches()) {
          present.set(regex.id);
        }
      }
    }
    return present;
  }

  /**
   * The characters every word the regex matches starts with ({@code fuck\\w*} → fuck, {@code dreckige?} → dreckig):
   * a word without them is not run through the regex.
   */
  static String literalPrefix(String regex) {
    Matcher meta = METACHARACTERS.matcher(regex);
    if (!meta.find()) {
      return regex;
    }
    int end = meta.start();
    char c = regex.charAt(end);
    boolean lastIsOptional = c == '?' || c == '*' || c == '{';
    return regex.substring(0, lastIsOptional ? Math.max(0, end - 1) : end);
  }

  private record RegexTrigger(int id, String prefix, Pattern pattern) {
  }

  /** {@code a|b(c|d)|e} → a, b(c|d), e: a regex matches a whole word when one of these does. */
  static List<String> topLevelAlternatives(String regex) {
    List<String> alternatives = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      } else if (c == '|' && depth == 0) {
        alternatives.add(regex.substring(start, i));
        start = i + 1;
      }
    }
    alternatives.add(regex.substring(start));
    return alternatives;
  }
}
