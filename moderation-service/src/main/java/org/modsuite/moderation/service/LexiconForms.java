package org.modsuite.moderation.service;

import java.util.ArrayList;
import java.util.List;

/**
 * The words a lexicon entry of a rule file stands for, when it stands for a few: {@code migrants?} → {@code migrant},
 * {@code migrants}; {@code flüchtling(e|en)?} → three forms; {@code sandn[i1]gg(er|a)s?} → eight. Understands
 * literals, escaped characters, character classes of single characters, groups with alternatives and {@code ?}; an
 * entry with anything else ({@code \w*}, {@code +}, ranges, {@code \p{L}}) or more than {@link #LIMIT} forms stands
 * for too many words to list and gives none. What {@link SpellingRepair} corrects misspellings towards.
 */
final class LexiconForms {

  static final int LIMIT = 64;

  private final String pattern;
  private int pos;

  private LexiconForms(String pattern) {
    this.pattern = pattern;
  }

  /** The forms of one entry (a phrase's words joined by single spaces), or an empty list when it has too many. */
  static List<String> expand(String entry) {
    try {
      LexiconForms parser = new LexiconForms(entry);
      List<String> forms = parser.alternatives();
      return parser.pos == entry.length() ? forms : List.of();
    } catch (TooMany e) {
      return List.of();
    }
  }

  /** alternatives := sequence ('|' sequence)* */
  private List<String> alternatives() {
    List<String> out = new ArrayList<>(sequence());
    while (pos < pattern.length() && pattern.charAt(pos) == '|') {
      pos++;
      out.addAll(sequence());
      check(out.size());
    }
    return out;
  }

  /** sequence := (atom '?'?)* up to ')' or '|' */
  private List<String> sequence() {
    List<String> out = new ArrayList<>(List.of(""));
    while (pos < pattern.length() && pattern.charAt(pos) != '|' && pattern.charAt(pos) != ')') {
      List<String> atom = atom();
      if (pos < pattern.length() && pattern.charAt(pos) == '?') {
        pos++;
        atom = new ArrayList<>(atom);
        atom.add("");
      } else if (pos < pattern.length() && "*+{".indexOf(pattern.charAt(pos)) >= 0) {
        throw new TooMany();
      }
      List<String> next = new ArrayList<>(out.size() * atom.size());
      for (String prefix : out) {
        for (String a : atom) {
          next.add(prefix + a);
        }
      }
      check(next.size());
      out = next;
    }
    return out;
  }

  private List<String> atom() {
    char c = pattern.charAt(pos++);
    switch (c) {
      case '(' -> {
        if (pattern.startsWith("?:", pos)) {
          pos += 2;
        } else if (pos < pattern.length() && pattern.charAt(pos) == '?') {
          throw new TooMany(); // look-arounds and flags
        }
        List<String> inner = alternatives();
        if (pos >= pattern.length() || pattern.charAt(pos) != ')') {
          throw new TooMany();
        }
        pos++;
        return inner;
      }
      case '[' -> {
        List<String> chars = new ArrayList<>();
        while (pos < pattern.length() && pattern.charAt(pos) != ']') {
          char k = pattern.charAt(pos++);
          if (k == '\\' && pos < pattern.length() && !Character.isLetterOrDigit(pattern.charAt(pos))) {
            k = pattern.charAt(pos++);
          } else if (k == '\\' || k == '^' || (k == '-' && !chars.isEmpty() && pos < pattern.length() && pattern.charAt(pos) != ']')) {
            throw new TooMany(); // classes such as \w, negations and ranges
          }
          chars.add(String.valueOf(k));
        }
        if (pos >= pattern.length()) {
          throw new TooMany();
        }
        pos++;
        return chars;
      }
      case '\\' -> {
        if (pos >= pattern.length() || Character.isLetterOrDigit(pattern.charAt(pos))) {
          throw new TooMany(); // \w, \s, \p{L}, \b …
        }
        return List.of(String.valueOf(pattern.charAt(pos++)));
      }
      case '.', '*', '+', '{', '^', '$', ']', '}' -> throw new TooMany();
      default -> {
        return List.of(String.valueOf(c));
      }
    }
  }

  private static void check(int size) {
    if (size > LIMIT) {
      throw new TooMany();
    }
  }

  /** An entry that is not a short list of words. */
  private static final class TooMany extends RuntimeException {
    TooMany() {
      super(null, null, false, false);
    }
  }
}
