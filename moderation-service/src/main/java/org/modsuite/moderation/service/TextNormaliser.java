package org.modsuite.moderation.service;

import java.text.Normalizer;

/**
 * Folds a post into the form the lexicon is written in, keeping for every folded character the range of original
 * characters it came from, so that matches are reported as spans of the original text. In this order:
 * <ol>
 * <li>characters ({@link UnicodeFolding}, {@link EmojiWords}): lower case, compatibility forms, Unicode confusables,
 * accents except {@code ä ö ü ß}, invisible characters and heaped combining marks (zalgo) dropped, emoji replaced by
 * the words of their names;</li>
 * <li>spaced letters joined: {@code i n v a d e r s} → {@code invaders}, only from three single letters on;</li>
 * <li>masking characters inside words dropped ({@code p-a-r-a-s-1-t-e-s}, {@code v*rmin}), and leetspeak digits
 * next to a letter undone ({@code 1nvaders}), numbers such as {@code 2015} left alone;</li>
 * <li>repeated letters squeezed: a run of three or more of the same letter becomes one ({@code ratsss},
 * {@code invaaaaders}), except exactly three consonants inside a word, which become two, so that German compounds
 * such as {@code Schifffahrt} fold to their pre-1996 spelling {@code schiffahrt} rather than to {@code schifahrt}.</li>
 * </ol>
 * ASCII text skips the Unicode and emoji work.
 */
public final class TextNormaliser {

  /** Single letters separated by this much space or less can be joined. */
  private static final int MAX_GAP = 3;
  private static final int MIN_SPACED_LETTERS = 3;

  /**
   * The folded text and, per folded character, the range of the original characters it stands for:
   * {@code origin[i]} (inclusive) to {@code originEnd[i]} (exclusive). An emoji's words all point at the whole emoji,
   * a squeezed letter at its whole run.
   */
  public record Folded(String text, int[] origin, int[] originEnd) {

    /** For callers that only know starts: each folded character then stands for one original char. */
    public Folded(String text, int[] origin) {
      this(text, origin, java.util.Arrays.stream(origin).map(o -> o + 1).toArray());
    }

    public int originalStart(int foldedStart) {
      return origin[foldedStart];
    }

    public int originalEnd(int foldedEnd) {
      return originEnd[foldedEnd - 1];
    }
  }

  private TextNormaliser() {
  }

  public static Folded fold(String original) {
    FoldBuffer folded = foldCharacters(original);
    folded = joinSpacedLetters(folded);
    folded = unmaskAndDeLeet(folded);
    folded = squeezeRepeats(folded);
    return folded.toFolded();
  }

  /** Step 1: one code point (with its combining marks) or one emoji at a time. */
  private static FoldBuffer foldCharacters(String original) {
    int n = original.length();
    FoldBuffer out = new FoldBuffer(n + 16);
    boolean latin = mostlyLatin(original);
    int i = 0;
    while (i < n) {
      char c = original.charAt(i);
      if (c < 128 && (i + 1 == n || original.charAt(i + 1) < 128)) { // the ASCII fast path
        out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c, i, i + 1);
        i++;
        continue;
      }
      int emojiEnd = EmojiWords.match(original, i);
      if (emojiEnd > 0) {
        out.append(EmojiWords.replacement(original, i, emojiEnd), i, emojiEnd);
        i = emojiEnd;
        continue;
      }
      int cp = original.codePointAt(i);
      int end = i + Character.charCount(cp);
      while (end < n && UnicodeFolding.isObfuscationMark(original.codePointAt(end))) {
        end += Character.charCount(original.codePointAt(end));
      }
      if (end > i + Character.charCount(cp) && !UnicodeFolding.isObfuscationMark(cp)) {
        // u + ◌̈ composes to ü and is kept; marks that compose with nothing (zalgo) are dropped.
        cp = Normalizer.normalize(original.substring(i, end), Normalizer.Form.NFC).codePointAt(0);
      }
      out.append(latin ? UnicodeFolding.fold(cp) : UnicodeFolding.foldInScript(cp), i, end);
      i = end;
    }
    return out;
  }

  /**
   * Whether the post is written in Latin letters: unless most of its letters are of one other script (at least 90 % of
   * its non-Latin letters), as in a Russian, Ukrainian, Arabic or Farsi post, where a Cyrillic or Arabic letter is the
   * language's own and stays. In a Latin post, or one mixing several scripts ({@code ΡΑRΑЅΙΤΕЅ}: Greek, Cyrillic and
   * Latin), a look-alike is a disguise and folds to its Latin letter.
   */
  private static boolean mostlyLatin(String original) {
    int latin = 0;
    int other = 0;
    int firstScript = 0;
    Character.UnicodeScript first = null;
    for (int i = 0; i < original.length(); i++) {
      char c = original.charAt(i);
      if (c < 128) {
        latin += (c | 32) >= 'a' && (c | 32) <= 'z' ? 1 : 0;
      } else if (Character.isLetter(c)) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        if (script == Character.UnicodeScript.LATIN) {
          latin++;
        } else {
          other++;
          if (first == null) {
            first = script;
          }
          firstScript += script == first ? 1 : 0;
        }
      }
    }
    return latin >= other || firstScript < 0.9 * other;
  }

  /** Step 2: three or more single letters separated only by a little space are one word ({@code r a t s}). */
  private static FoldBuffer joinSpacedLetters(FoldBuffer in) {
    int n = in.length();
    boolean[] drop = null;
    int i = 0;
    while (i < n) {
      if (!isSingle(in, i)) {
        i++;
        continue;
      }
      int tokens = 1;
      int letters = Character.isLetter(in.charAt(i)) ? 1 : 0;
      int last = i;
      while (true) {
        int gap = last + 1;
        while (gap < n && gap - last - 1 < MAX_GAP && isSpace(in.charAt(gap))) {
          gap++;
        }
        if (gap == last + 1 || gap >= n || !isSingle(in, gap)) {
          break;
        }
        tokens++;
        letters += Character.isLetter(in.charAt(gap)) ? 1 : 0;
        last = gap;
      }
      // Leet digits may be among them (1 n v 4 d e r s), but letters must be the majority (not 3 x 4 m).
      if (tokens >= MIN_SPACED_LETTERS && letters > tokens - letters) {
        if (drop == null) {
          drop = new boolean[n];
        }
        for (int k = i + 1; k < last; k++) {
          drop[k] = isSpace(in.charAt(k));
        }
      }
      i = last + 1;
    }
    if (drop == null) {
      return in;
    }
    FoldBuffer out = new FoldBuffer(n);
    for (int k = 0; k < n; k++) {
      if (!drop[k]) {
        out.copy(in, k);
      }
    }
    return out;
  }

  /** A letter or leet digit with no letter or digit on either side: a word of one character. */
  private static boolean isSingle(FoldBuffer b, int i) {
    char c = b.charAt(i);
    return (Character.isLetter(c) || leet(c) != c) && (i == 0 || !Character.isLetterOrDigit(b.charAt(i - 1)))
        && (i == b.length() - 1 || !Character.isLetterOrDigit(b.charAt(i + 1)));
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }

  /** Step 3: masking characters inside a word dropped, leetspeak digits next to a letter undone. */
  private static FoldBuffer unmaskAndDeLeet(FoldBuffer in) {
    int n = in.length();
    FoldBuffer out = new FoldBuffer(n);
    for (int i = 0; i < n; i++) {
      char c = in.charAt(i);
      if (isMask(c) && between(in, i)) {
        continue;
      }
      char letter = leet(c);
      if (letter != c && (letterBeside(in, i, -1) || letterBeside(in, i, 1))) {
        out.append(letter, in.start(i), in.end(i));
      } else {
        out.copy(in, i);
      }
    }
    return out;
  }

  private static boolean isMask(char c) {
    return c == '-' || c == '*' || c == '.' || c == '_';
  }

  /** A masking character between two letters or digits, as in {@code p-a-r-a}, not a hyphen between words. */
  private static boolean between(FoldBuffer s, int i) {
    if (i == 0 || i == s.length() - 1) {
      return false;
    }
    char before = s.charAt(i - 1);
    char after = s.charAt(i + 1);
    boolean singleLetterBefore = i < 2 || !Character.isLetterOrDigit(s.charAt(i - 2)) || isMask(s.charAt(i - 2));
    return Character.isLetterOrDigit(before) && Character.isLetterOrDigit(after) && (singleLetterBefore || s.charAt(i) == '*');
  }

  /** Whether the next character in that direction, past masking characters, is a letter. */
  private static boolean letterBeside(FoldBuffer s, int i, int step) {
    int j = i + step;
    while (j >= 0 && j < s.length() && isMask(s.charAt(j))) {
      j += step;
    }
    return j >= 0 && j < s.length() && Character.isLetter(s.charAt(j));
  }

  /** The letter a leetspeak character stands for, or the character itself. */
  private static char leet(char c) {
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

  /** Step 4: runs of three or more of the same letter squeezed (see the class comment for the German exception). */
  private static FoldBuffer squeezeRepeats(FoldBuffer in) {
    int n = in.length();
    int i = 0;
    while (i + 2 < n && !(in.charAt(i) == in.charAt(i + 1) && in.charAt(i) == in.charAt(i + 2) && isSqueezable(in.charAt(i)))) {
      i++;
    }
    if (i + 2 >= n) {
      return in; // no run: most posts
    }
    FoldBuffer out = new FoldBuffer(n);
    for (int k = 0; k < i; k++) {
      out.copy(in, k);
    }
    while (i < n) {
      char c = in.charAt(i);
      int j = i + 1;
      while (j < n && in.charAt(j) == c) {
        j++;
      }
      if (j - i < 3 || !isSqueezable(c)) {
        for (int k = i; k < j; k++) {
          out.copy(in, k);
        }
      } else if (j - i == 3 && isConsonant(c) && i > 0 && Character.isLetter(in.charAt(i - 1)) && j < n && Character.isLetter(in.charAt(j))) {
        out.copy(in, i);
        out.append(c, in.start(i + 1), in.end(j - 1));
      } else {
        out.append(c, in.start(i), in.end(j - 1));
      }
      i = j;
    }
    return out;
  }

  private static boolean isSqueezable(char c) {
    return (c >= 'a' && c <= 'z') || c == 'ä' || c == 'ö' || c == 'ü';
  }

  private static boolean isConsonant(char c) {
    return c >= 'a' && c <= 'z' && "aeiouy".indexOf(c) < 0;
  }
}
