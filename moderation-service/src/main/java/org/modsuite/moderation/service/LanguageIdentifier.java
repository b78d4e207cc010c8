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

  /** English or German is chosen when its confidence is at least this share of the best language's. */
  static final double PRIOR = 0.9;
  /** Below this distance between the best two confidences the answer is unknown (Lingua's minimum relative distance). */
  static final double MINIMUM_DISTANCE = 0.1;

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
    this.detector = builder.withLowAccuracyMode().withPreloadedLanguageModels().build();
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
    return lingua(text);
  }

  /**
   * Lingua's answer, with a prior for the service's main languages: English or German when its confidence is at
   * least {@value #PRIOR} of the best language's (Lingua's confidences are relative, the best being 1), since a short
   * English or German post taken for another language loses its rules; otherwise the best language, unless the
   * runner-up is within the minimum relative distance (then null).
   */
  private String lingua(String text) {
    java.util.SortedMap<Language, Double> confidences = detector.computeLanguageConfidenceValues(text);
    if (confidences.isEmpty()) {
      return null;
    }
    double best = -1;
    double second = -1;
    Language top = null;
    double main = 0;
    Language mainLanguage = null;
    for (java.util.Map.Entry<Language, Double> c : confidences.entrySet()) {
      double value = c.getValue();
      if (value > best) {
        second = best;
        best = value;
        top = c.getKey();
      } else if (value > second) {
        second = value;
      }
      if ((c.getKey() == Language.ENGLISH || c.getKey() == Language.GERMAN) && value > main && code(c.getKey()) != null
          && (languages == null || languages.contains(code(c.getKey())))) {
        main = value;
        mainLanguage = c.getKey();
      }
    }
    if (mainLanguage != null && main >= PRIOR * best) {
      return code(mainLanguage);
    }
    return best - second < MINIMUM_DISTANCE ? null : code(top);
  }

  private static String code(Language language) {
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
