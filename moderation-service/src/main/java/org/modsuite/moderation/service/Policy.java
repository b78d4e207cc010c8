package org.modsuite.moderation.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.modsuite.events.AnalysisEvent;
import org.modsuite.events.Decision;

/**
 * The versioned decision policy (policy/policy.json, or a file named by {@code modsuite.moderation.policy-file}):
 * review and remove thresholds per category, overridable per language. Removal needs rule evidence: the lexicon's
 * score for that category, never the classifier's probability alone.
 */
public record Policy(String version, String description, @JsonProperty("default") Thresholds defaults, Map<String, Thresholds> categories,
    Map<String, Map<String, Thresholds>> languages, UnsupportedLanguages unsupportedLanguages) {

  /**
   * What becomes of a post in a language without a model (and rules): there is no evidence to remove on, so the
   * choice is {@code allow} or {@code review}, when that language's lexicon finds a protected group, a slur or a
   * violent, dehumanising or inciting term ({@code onLexiconHit}) and when it finds none or the language has no
   * lexicon ({@code otherwise}). Absent: review and allow. {@code alsoFor}: languages that have a model, but one too weak
   * to be the only reviewer (French and Arabic, trained on MLMA), whose posts the same two choices apply to as well;
   * {@code note}: why, for the reader.
   */
  public record UnsupportedLanguages(String onLexiconHit, String otherwise, java.util.List<String> alsoFor, String note) {

    static final UnsupportedLanguages DEFAULT = new UnsupportedLanguages("review", "allow", java.util.List.of(), null);

    public UnsupportedLanguages {
      alsoFor = alsoFor == null ? java.util.List.of() : java.util.List.copyOf(alsoFor);
    }

    Decision decide(boolean lexiconHit) {
      String choice = lexiconHit ? onLexiconHit : otherwise;
      return choice == null ? (lexiconHit ? Decision.REVIEW : Decision.ALLOW) : Decision.valueOf(choice.toUpperCase(java.util.Locale.ROOT));
    }
  }

  public Policy(String version, String description, Thresholds defaults, Map<String, Thresholds> categories,
      Map<String, Map<String, Thresholds>> languages) {
    this(version, description, defaults, categories, languages, null);
  }

  /** The two thresholds of one category; absent values fall back to the defaults. */
  public record Thresholds(Double review, Double remove) {
  }

  static final String RESOURCE = "/policy/policy.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public Policy {
    categories = categories == null ? Map.of() : Map.copyOf(categories);
    languages = languages == null ? Map.of() : Map.copyOf(languages);
    unsupportedLanguages = unsupportedLanguages == null ? UnsupportedLanguages.DEFAULT : unsupportedLanguages;
  }

  public Policy withVersion(String newVersion) {
    return new Policy(newVersion, description, defaults, categories, languages, unsupportedLanguages);
  }

  /** The decision for a post in a language without a model (or one of {@code alsoFor}), by {@link UnsupportedLanguages}. */
  public Decision decideUnsupported(boolean lexiconHit) {
    return unsupportedLanguages.decide(lexiconHit);
  }

  /** Whether a language with a model is decided by {@link UnsupportedLanguages} as well ({@code alsoFor}). */
  public boolean lexiconDecidesAlso(String language) {
    return language != null && unsupportedLanguages.alsoFor().contains(language);
  }

  /** The file if one is configured, else the bundled policy; either must pass {@link #validate()}. */
  public static Policy load(Optional<Path> file) {
    try (InputStream in = file.isPresent() ? Files.newInputStream(file.get()) : Policy.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("policy resource " + RESOURCE + " is missing");
      }
      return JSON.readValue(in, Policy.class).validate();
    } catch (IOException e) {
      throw new UncheckedIOException("policy " + file.map(Path::toString).orElse(RESOURCE) + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** A version, defaults, known categories, and 0 ≤ review ≤ remove ≤ 1 everywhere; otherwise the service must not start. */
  public Policy validate() {
    if (version == null || version.isBlank()) {
      throw new IllegalStateException("the policy has no version");
    }
    if (defaults == null || defaults.review() == null || defaults.remove() == null) {
      throw new IllegalStateException("the policy needs default review and remove thresholds");
    }
    for (String choice : new String[] {unsupportedLanguages.onLexiconHit(), unsupportedLanguages.otherwise()}) {
      if (choice != null && !choice.equals("allow") && !choice.equals("review")) {
        throw new IllegalStateException("unsupportedLanguages may choose allow or review, not " + choice);
      }
    }
    categories.keySet().forEach(Policy::requireCategory);
    languages.values().forEach(perLanguage -> perLanguage.keySet().forEach(Policy::requireCategory));
    for (String category : AnalysisEvent.CATEGORIES) {
      for (String language : languages.keySet()) {
        check(category + " (" + language + ")", thresholds(category, language));
      }
      check(category, thresholds(category, null));
    }
    return this;
  }

  private static void requireCategory(String category) {
    if (!AnalysisEvent.CATEGORIES.contains(category)) {
      throw new IllegalStateException("the policy names an unknown category " + category + "; known: " + AnalysisEvent.CATEGORIES);
    }
  }

  private static void check(String where, double[] t) {
    if (t[0] < 0 || t[1] > 1 || t[0] > t[1]) {
      throw new IllegalStateException("policy thresholds of " + where + " must satisfy 0 <= review <= remove <= 1, got " + t[0] + " and " + t[1]);
    }
  }

  /** {review, remove} for a category in a language: language override, then category, then default. */
  double[] thresholds(String category, String language) {
    Thresholds byLanguage = language == null ? null : languages.getOrDefault(language, Map.of()).get(category);
    Thresholds byCategory = categories.get(category);
    return new double[] {pick(byLanguage, byCategory, true), pick(byLanguage, byCategory, false)};
  }

  /** The review threshold of a category in a language (null: the category's or the default). */
  public double review(String category, String language) {
    return thresholds(category, language)[0];
  }

  /** The remove threshold of a category in a language (null: the category's or the default). */
  public double remove(String category, String language) {
    return thresholds(category, language)[1];
  }

  private double pick(Thresholds byLanguage, Thresholds byCategory, boolean review) {
    for (Thresholds t : new Thresholds[] {byLanguage, byCategory, defaults}) {
      Double value = t == null ? null : (review ? t.review() : t.remove());
      if (value != null) {
        return value;
      }
    }
    throw new IllegalStateException("unreachable: defaults are validated");
  }

  /**
   * @param ruleScores the lexicon's scores per category (the evidence removal needs)
   * @param scores the fused scores per category
   */
  public Decision decide(Map<String, Double> ruleScores, Map<String, Double> scores, String language) {
    boolean review = false;
    for (String category : AnalysisEvent.CATEGORIES) {
      double[] t = thresholds(category, language);
      if (ruleScores.getOrDefault(category, 0.0) >= t[1]) {
        return Decision.REMOVE;
      }
      review |= scores.getOrDefault(category, 0.0) >= t[0];
    }
    return review ? Decision.REVIEW : Decision.ALLOW;
  }
}
