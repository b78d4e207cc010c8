package org.modsuite.moderation.service.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a sentence must contain for a TokensRegex pattern to match in it: alternatives, each a set of token regexes
 * of which some token must match every one ({@code $GROUP (/are|is/) []{0,3} $VERMIN} needs a word of GROUP, "are"
 * or "is", and a word of VERMIN; {@code $CONDEMN | /stop/ /calling/} needs a word of CONDEMN, or both "stop" and
 * "calling"). A lexicon stands for the key words of its entries (a phrase by its longest word). A sentence that
 * satisfies no alternative cannot match, so the rule is not run there: TokensRegex's matcher tries every start position of every sentence, and most
 * sentences hold none of a rule's words.
 *
 * <p>Conservative: a negated element ({@code !$NAME}) and what it does not look into (node attributes {@code [...]},
 * string literals) need nothing, and a pattern it cannot read at all gives no triggers (the rule always runs).
 */
final class TokenTriggers {

  /** More alternatives than this are not worth checking: the rule always runs. */
  private static final int MAX_ALTERNATIVES = 64;
  private static final List<Set<String>> ALWAYS = List.of(Set.of());

  private final String pattern;
  private final Map<String, String> lexicons;
  private int at;

  private TokenTriggers(String pattern, Map<String, String> lexicons) {
    this.pattern = pattern;
    this.lexicons = lexicons;
  }

  /**
   * @param lexicons per lexicon name, the regex of its entries' key words
   * @return the alternatives (each a set of token regexes that must all be matched by some token), or empty when the
   *     rule must always run
   */
  static Optional<List<Set<String>>> of(String pattern, Map<String, String> lexicons) {
    try {
      TokenTriggers parser = new TokenTriggers(pattern, lexicons);
      List<Set<String>> alternatives = parser.alternation();
      parser.skipSpace();
      if (parser.at < pattern.length() || alternatives.stream().anyMatch(Set::isEmpty)) {
        return Optional.empty();
      }
      return Optional.of(alternatives);
    } catch (Unreadable e) {
      return Optional.empty();
    }
  }

  private List<Set<String>> alternation() {
    List<Set<String>> result = sequence();
    while (skipSpace() && peek() == '|') {
      at++;
      result = or(result, sequence());
    }
    return result;
  }

  private List<Set<String>> sequence() {
    List<Set<String>> result = ALWAYS;
    while (skipSpace() && peek() != '|' && peek() != ')') {
      List<Set<String>> element = element();
      if (!optionalQuantifier()) {
        result = and(result, element);
      }
    }
    return result;
  }

  private List<Set<String>> element() {
    char c = peek();
    switch (c) {
      case '(' -> {
        at++;
        if (pattern.startsWith("?:", at)) {
          at += 2;
        } else if (pattern.startsWith("?$", at)) { // named group: (?$name ...)
          at += 2;
          while (at < pattern.length() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
            at++;
          }
        } else if (peek() == '?') {
          throw new Unreadable();
        }
        List<Set<String>> inner = alternation();
        if (!skipSpace() || peek() != ')') {
          throw new Unreadable();
        }
        at++;
        return inner;
      }
      case '/' -> {
        return List.of(Set.of(regexLiteral()));
      }
      case '$' -> {
        at++;
        if (at < pattern.length() && Character.isUpperCase(peek())) {
          int start = at;
          while (at < pattern.length() && (Character.isUpperCase(peek()) || Character.isDigit(peek()) || peek() == '_')) {
            at++;
          }
          String words = lexicons.get(pattern.substring(start, at));
          if (words == null) {
            throw new Unreadable();
          }
          return List.of(Set.of(words));
        }
        return ALWAYS; // end anchor
      }
      case '!' -> { // a negated element: its words must be absent, which needs nothing present
        at++;
        skipSpace();
        element();
        return ALWAYS;
      }
      case '^' -> {
        at++;
        return ALWAYS;
      }
      case '[' -> {
        skipBalanced('[', ']');
        return ALWAYS;
      }
      case '{' -> {
        skipBalanced('{', '}');
        return ALWAYS;
      }
      case '"' -> {
        skipString();
        return ALWAYS;
      }
      default -> throw new Unreadable();
    }
  }

  /** Reads a quantifier if one follows; true when it lets the element match zero times. */
  private boolean optionalQuantifier() {
    skipSpace();
    if (at >= pattern.length()) {
      return false;
    }
    boolean optional;
    char c = peek();
    if (c == '?' || c == '*') {
      at++;
      optional = true;
    } else if (c == '+') {
      at++;
      optional = false;
    } else if (c == '{' && pattern.substring(at).matches("(?s)\\{\\s*\\d+\\s*(,\\s*\\d*\\s*)?}.*")) {
      int close = pattern.indexOf('}', at);
      String min = pattern.substring(at + 1, close).split(",")[0].trim();
      at = close + 1;
      optional = Integer.parseInt(min) == 0;
    } else {
      return false;
    }
    if (at < pattern.length() && (peek() == '?' || peek() == '+')) { // lazy or possessive
      at++;
    }
    return optional;
  }

  private String regexLiteral() {
    StringBuilder regex = new StringBuilder();
    at++;
    while (at < pattern.length() && peek() != '/') {
      if (peek() == '\\' && at + 1 < pattern.length() && pattern.charAt(at + 1) == '/') {
        at++; // an escaped slash is a slash of the regex
      } else if (peek() == '\\' && at + 1 < pattern.length()) {
        regex.append(peek());
        at++;
      }
      regex.append(peek());
      at++;
    }
    if (at >= pattern.length()) {
      throw new Unreadable();
    }
    at++;
    return regex.toString();
  }

  private void skipBalanced(char open, char close) {
    int depth = 0;
    do {
      if (at >= pattern.length()) {
        throw new Unreadable();
      }
      char c = peek();
      if (c == '/') {
        regexLiteral();
        continue;
      }
      if (c == '"') {
        skipString();
        continue;
      }
      depth += c == open ? 1 : c == close ? -1 : 0;
      at++;
    } while (depth > 0);
  }

  private void skipString() {
    at++;
    while (at < pattern.length() && peek() != '"') {
      at += peek() == '\\' ? 2 : 1;
    }
    if (at >= pattern.length()) {
      throw new Unreadable();
    }
    at++;
  }

  /** Skips white space; true while there is more pattern. */
  private boolean skipSpace() {
    while (at < pattern.length() && Character.isWhitespace(peek())) {
      at++;
    }
    return at < pattern.length();
  }

  private char peek() {
    return pattern.charAt(at);
  }

  private static List<Set<String>> or(List<Set<String>> a, List<Set<String>> b) {
    Set<Set<String>> both = new LinkedHashSet<>(a);
    both.addAll(b);
    return limited(new ArrayList<>(both));
  }

  private static List<Set<String>> and(List<Set<String>> a, List<Set<String>> b) {
    Set<Set<String>> product = new LinkedHashSet<>();
    for (Set<String> x : a) {
      for (Set<String> y : b) {
        Set<String> union = new LinkedHashSet<>(x);
        union.addAll(y);
        product.add(Set.copyOf(union));
      }
    }
    return limited(new ArrayList<>(product));
  }

  private static List<Set<String>> limited(List<Set<String>> alternatives) {
    if (alternatives.size() > MAX_ALTERNATIVES) {
      throw new Unreadable();
    }
    return alternatives;
  }

  /** The pattern uses syntax this reader does not follow: the rule always runs. */
  private static final class Unreadable extends RuntimeException {
    Unreadable() {
      super(null, null, false, false);
    }
  }
}
