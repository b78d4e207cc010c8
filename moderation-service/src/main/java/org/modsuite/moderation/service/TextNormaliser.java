package org.modsuite.moderation.service;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds a post into the form the lexicon is written in, keeping for every folded character the index of the
 * original character it came from, so that matches are reported as spans of the original text.
 * First version: lower case, compatibility forms (full-width letters, ligatures), common leetspeak digits and
 * masking characters inside words ({@code p-a-r-a-s-i-t-e-s}, {@code v*rmin}). It keeps umlauts and ß.
 */
public final class TextNormaliser {

  /** The folded text and, per folded character, the offset of its original character. */
  public record Folded(String text, int[] origin) {

    public int originalStart(int foldedStart) {
      return origin[foldedStart];
    }

    public int originalEnd(int foldedEnd) {
      return origin[foldedEnd - 1] + 1;
    }
  }

  private TextNormaliser() {
  }

  public static Folded fold(String original) {
    StringBuilder out = new StringBuilder(original.length());
    int[] origin = new int[original.length() + 16];
    for (int i = 0; i < original.length(); i++) {
      char c = original.charAt(i);
      if (isMask(c) && between(original, i)) {
        continue;
      }
      // ASCII needs no compatibility folding; most posts are mostly ASCII, and NFKC per character is the costly part.
      String folded = c < 128 ? String.valueOf(Character.toLowerCase(c))
          : Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
      for (int k = 0; k < folded.length(); k++) {
        char f = deLeet(folded.charAt(k), original, i);
        if (out.length() == origin.length) {
          origin = java.util.Arrays.copyOf(origin, origin.length * 2); // NFKC can expand one character into many
        }
        origin[out.length()] = i;
        out.append(f);
      }
    }
    return new Folded(out.toString(), java.util.Arrays.copyOf(origin, out.length()));
  }

  private static boolean isMask(char c) {
    return c == '-' || c == '*' || c == '.' || c == '_';
  }

  /** A masking character between two letters or digits, as in {@code p-a-r-a}, not a hyphen between words. */
  private static boolean between(String s, int i) {
    if (i == 0 || i == s.length() - 1) {
      return false;
    }
    char before = s.charAt(i - 1);
    char after = s.charAt(i + 1);
    boolean singleLetterBefore = i < 2 || !Character.isLetterOrDigit(s.charAt(i - 2)) || isMask(s.charAt(i - 2));
    return Character.isLetterOrDigit(before) && Character.isLetterOrDigit(after) && (singleLetterBefore || s.charAt(i) == '*');
  }

  /** Whether the next character in that direction, past masking characters, is a letter. */
  private static boolean letterBeside(String s, int i, int step) {
    int j = i + step;
    while (j >= 0 && j < s.length() && isMask(s.charAt(j))) {
      j += step;
    }
    return j >= 0 && j < s.length() && Character.isLetter(s.charAt(j));
  }

  /** A digit stands for a letter only inside a word ({@code 1nvaders}), not in a number ({@code 2026}). */
  private static char deLeet(char c, String s, int i) {
    boolean inWord = letterBeside(s, i, -1) || letterBeside(s, i, 1);
    if (!inWord) {
      return c;
    }
    return switch (c) {
      case '0' -> 'o';
      case '1' -> 'i';
      case '3' -> 'e';
      case '4', '@' -> 'a';
      case '5', '$' -> 's';
      case '7' -> 't';
      default -> c;
    };
  }
}
