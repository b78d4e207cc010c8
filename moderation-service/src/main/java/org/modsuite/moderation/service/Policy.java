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
    Map<String, Map<String, Thresholds>> languages) {

  /** The two thresholds of one category; absent values fall back to the defaults. */
  public record Thresholds(Double review, Double remove) {
  }

  static final String RESOURCE = "/policy/policy.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public Policy {
    categories = categories == null ? Map.of() : Map.copyOf(categories);
    languages = languages == null ? Map.of() : Map.copyOf(languages);
  }

  public Policy withVersion(String newVersion) {
    return new Policy(newVersion, description, defaults, categories, languages);
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
