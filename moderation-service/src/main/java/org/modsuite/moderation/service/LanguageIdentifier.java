package org.modsuite.moderation.service;

import java.util.Locale;
import java.util.Set;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

/**
 * The language of a post whose source gave none, among the languages the analysis supports, with Lingua (n-gram
 * models that work on short posts). Null when the text does not tell (too short, emoji only, another language).
 */
public final class LanguageIdentifier {

  private final LanguageDetector detector;

  public LanguageIdentifier(Set<String> isoCodes) {
    Language[] languages = isoCodes.stream().map(LanguageIdentifier::language).toArray(Language[]::new);
    // A minimum distance between the best two languages makes it answer "unknown" rather than guess on a short post.
    this.detector = LanguageDetectorBuilder.fromLanguages(languages).withMinimumRelativeDistance(0.1).withPreloadedLanguageModels().build();
  }

  public String identify(String text) {
    Language language = detector.detectLanguageOf(text);
    return language == Language.UNKNOWN ? null : language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
  }

  private static Language language(String isoCode) {
    return Set.of(Language.values()).stream().filter(l -> l != Language.UNKNOWN && l.getIsoCode639_1().toString().equalsIgnoreCase(isoCode))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("unsupported language " + isoCode));
  }
}
