package org.modsuite.moderation.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

/**
 * The language of a post whose source gave none, with Lingua (n-gram models that work on short posts), among every
 * language Lingua knows (75), so that a post in a language without a model is named as such instead of being scored
 * as English or German. Null when the text does not tell (too short, emoji only, two languages too close).
 *
 * <p>Lingua over all languages costs several hundred µs of CPU per post, so a post that plainly uses one language's
 * function words is decided by {@link FunctionWords} first. Lingua runs in low-accuracy mode (trigrams only; the
 * high-accuracy models of all languages take far more heap and time); its models are loaded at start, not lazily on the
 * first post of each language, which would stall that post. Figures: moderation-service README, step 1.
 */
public final class LanguageIdentifier {

  private final LanguageDetector detector;
  /** The languages it may answer (null: all). */
  private final Set<String> languages;

  /** Every language Lingua knows. */
  public LanguageIdentifier() {
    this(LanguageDetectorBuilder.fromAllLanguages(), null);
  }

  /** Only the given ISO 639-1 codes (tests, measurements). */
  public LanguageIdentifier(Set<String> isoCodes) {
    this(LanguageDetectorBuilder.fromLanguages(isoCodes.stream().map(LanguageIdentifier::language).toArray(Language[]::new)), Set.copyOf(isoCodes));
  }

  private LanguageIdentifier(LanguageDetectorBuilder builder, Set<String> languages) {
    this.languages = languages;
    // A minimum distance between the best two languages makes it answer "unknown" rather than guess on a short post.
    this.detector = builder.withMinimumRelativeDistance(0.1).withLowAccuracyMode().withPreloadedLanguageModels().build();
  }

  /**
   * The ISO 639-1 code in lower case, or null. First the function words ({@link FunctionWords}: most English and German
   * posts, a few µs), then Lingua.
   */
  public String identify(String text) {
    String plain = FunctionWords.guess(text);
    if (plain != null && (languages == null || languages.contains(plain))) {
      return plain;
    }
    Language language = detector.detectLanguageOf(text);
    return language == Language.UNKNOWN ? null : language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
  }

  /** The English name of a language code ({@code fa} → {@code Persian}), or the code itself when Java knows no name. */
  public static String name(String isoCode) {
    String name = Locale.forLanguageTag(isoCode).getDisplayLanguage(Locale.ENGLISH);
    return name.isBlank() ? isoCode : name;
  }

  private static Language language(String isoCode) {
    return Arrays.stream(Language.values()).filter(l -> l != Language.UNKNOWN && l.getIsoCode639_1().toString().equalsIgnoreCase(isoCode))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("unsupported language " + isoCode));
  }
}
