package org.modsuite.moderation.service;

import java.text.Normalizer;
import java.util.Locale;

import com.ibm.icu.text.SpoofChecker;

/**
 * Folds one code point to the Latin form the lexicon is written in: compatibility forms (NFKC: full-width and
 * mathematical letters, ligatures, circled letters), lower case, Unicode confusables (Cyrillic {@code а}, Greek
 * {@code ο} → Latin, from ICU's {@link SpoofChecker} skeletons), accents stripped except the German {@code ä ö ü ß},
 * invisible format characters and look-alike dashes. A code point of the BMP or the mathematical alphanumerics is
 * folded the first time it is met and then looked up; others are folded each time (rare).
 */
final class UnicodeFolding {

  /** Letters kept as they are: German needs them, and {@code Flüchtlinge} is not {@code Fluchtlinge}. */
  private static final String KEPT = "äöüß";
  private static final int MATH_FIRST = 0x1D400;
  private static final int MATH_LAST = 0x1D7FF;
  private static final int REGIONAL_A = 0x1F1E6;
  private static final int REGIONAL_Z = 0x1F1FF;

  /** Immutable once built, so one instance serves all threads. */
  private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();
  /**
   * Folded forms, filled as code points are met. Threads may race to fill a slot; they compute the same immutable
   * String, so whichever write wins is right (Strings are safe to publish without synchronisation).
   */
  private static final String[] BMP = new String[0x10000];
  /** The same for posts mostly in another script ({@link #foldInScript}), where look-alikes are that script's own letters. */
  private static final String[] BMP_IN_SCRIPT = new String[0x10000];
  private static final String[] MATH = new String[MATH_LAST - MATH_FIRST + 1];

  private UnicodeFolding() {
  }

  /** The folded form of a code point: one or more characters, or empty for a character that is dropped. */
  static String fold(int cp) {
    return fold(cp, true);
  }

  /**
   * The folded form of a code point of a post written mostly in a script other than Latin (Russian, Arabic, Farsi …):
   * the same, except that a letter of another script is not turned into its Latin look-alike (Cyrillic {@code а},
   * Arabic {@code ا} → {@code l}), since there it is a letter of the post's own language, not a disguise.
   */
  static String foldInScript(int cp) {
    return fold(cp, false);
  }

  private static String fold(int cp, boolean lookAlikes) {
    if (cp < BMP.length) {
      if (Character.isSurrogate((char) cp)) {
        return String.valueOf((char) cp); // a lone surrogate stays as it is
      }
      String[] cache = lookAlikes ? BMP : BMP_IN_SCRIPT;
      String folded = cache[cp];
      if (folded == null) {
        folded = compute(cp, lookAlikes);
        cache[cp] = folded;
      }
      return folded;
    }
    if (cp >= MATH_FIRST && cp <= MATH_LAST) {
      String folded = MATH[cp - MATH_FIRST];
      if (folded == null) {
        folded = compute(cp, true);
        MATH[cp - MATH_FIRST] = folded;
      }
      return folded;
    }
    return compute(cp, lookAlikes);
  }

  /**
   * Combining marks of the general diacritic blocks and variation selectors: heaped on letters to obfuscate
   * ("zalgo" text), or left over from a decomposed accent. Marks of other scripts (Indic vowel signs, Hebrew points)
   * are not among them.
   */
  static boolean isObfuscationMark(int cp) {
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF)
        || (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0xFE00 && cp <= 0xFE0F)
        || (cp >= 0xE0100 && cp <= 0xE01EF);
  }

  private static String compute(int cp, boolean lookAlikes) {
    if (cp < 128) {
      return String.valueOf(Character.toLowerCase((char) cp));
    }
    if (Character.getType(cp) == Character.FORMAT || isObfuscationMark(cp)) {
      return ""; // zero-width space, joiners, soft hyphen, bidi controls: invisible, used to split a word
    }
    if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640) {
      return ""; // Arabic vowel marks (harakat), mostly not written, and the tatweel that stretches a word
    }
    if (cp >= REGIONAL_A && cp <= REGIONAL_Z) {
      return String.valueOf((char) ('a' + cp - REGIONAL_A)); // a regional indicator outside a flag, used as a letter
    }
    String compatible = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(compatible.length());
    compatible.codePoints().forEach(c -> out.append(foldCompatible(c, lookAlikes)));
    return out.toString();
  }

  private static String foldCompatible(int cp, boolean lookAlikes) {
    if (cp < 128) {
      return String.valueOf(Character.toLowerCase((char) cp));
    }
    if (isObfuscationMark(cp)) {
      return "";
    }
    String self = new String(Character.toChars(cp));
    String lower = self.toLowerCase(Locale.ROOT);
    if (Character.isLetter(cp)) {
      if (KEPT.contains(lower) || (!lookAlikes && Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN)) {
        return lower;
      }
      // Upper case first: Cyrillic Т is confusable with T, its lower case т only with the small capital ᴛ.
      String latin = latinLookAlike(self);
      if ("l".equals(latin) && Character.isUpperCase(cp)) {
        latin = "i"; // the skeleton of I is l; an upper-case letter that looks like one is an I (Greek Ι, Cyrillic Ӏ)
      }
      if (latin == null && !lower.equals(self)) {
        latin = latinLookAlike(lower);
      }
      return latin != null ? latin : lower;
    }
    int type = Character.getType(cp);
    if (type == Character.DASH_PUNCTUATION || type == Character.OTHER_PUNCTUATION) {
      // Look-alike masking characters (‐ – ‧ • ·) become the ASCII ones, so that r–a–t–s is unmasked like r-a-t-s.
      String skeleton = CONFUSABLES.getSkeleton(self);
      if (skeleton.equals("-")) {
        return "-";
      }
      if (skeleton.equals("·") || skeleton.equals(".")) {
        return ".";
      }
    }
    return lower;
  }

  /** The ASCII letter(s) a letter is written as or mistaken for, or null if there are none. */
  private static String latinLookAlike(String letter) {
    String unaccented = withoutMarks(Normalizer.normalize(letter, Normalizer.Form.NFD));
    if (isAsciiLetters(unaccented)) {
      return unaccented.toLowerCase(Locale.ROOT); // é → e, å → a
    }
    String skeleton = withoutMarks(Normalizer.normalize(CONFUSABLES.getSkeleton(letter), Normalizer.Form.NFD));
    if (skeleton.equals("rn")) {
      return "m"; // the skeleton of m itself is rn
    }
    return skeleton.length() == 1 && isAsciiLetters(skeleton) ? skeleton.toLowerCase(Locale.ROOT) : null; // ø → o̸ → o
  }

  private static String withoutMarks(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK && Character.getType(c) != Character.ENCLOSING_MARK)
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  private static boolean isAsciiLetters(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        return false;
      }
    }
    return true;
  }
}
