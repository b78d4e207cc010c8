package org.modsuite.moderation.service;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * First-version language guess between English and German from function words, for posts whose source gave no
 * language. Returns null when neither wins; the analysis then applies the terms of both languages.
 * The moderation-engine issue replaces it with a language-identification library.
 */
final class LanguageGuess {

  private static final Pattern WORD = Pattern.compile("[\\p{L}']+");
  private static final Set<String> EN = Set.of("the", "and", "is", "are", "they", "them", "of", "to", "in", "this", "that", "with", "should",
      "not", "we", "our", "you", "for", "be", "all");
  private static final Set<String> DE = Set.of("der", "die", "das", "und", "ist", "sind", "nicht", "sie", "wir", "ein", "eine", "mit", "auf", "für",
      "zu", "den", "dem", "des", "auch", "alle");

  private LanguageGuess() {
  }

  static String guess(String text) {
    int en = 0;
    int de = 0;
    var m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String w = m.group();
      en += EN.contains(w) ? 1 : 0;
      de += DE.contains(w) ? 1 : 0;
    }
    return en == de ? null : (en > de ? "en" : "de");
  }
}
