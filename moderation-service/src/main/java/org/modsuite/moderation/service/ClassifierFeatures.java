package org.modsuite.moderation.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.modsuite.moderation.service.rules.Rule;
import org.modsuite.moderation.service.rules.RuleScorer;

/**
 * The features the hate classifier sees, computed the same way when training and when scoring (training calls
 * {@link FusedScorer#features}, which calls this):
 * <ul>
 *   <li>{@code w:} word unigrams and {@code b:} bigrams of the folded text (obfuscation undone, emoji as the words of
 *       their names), every mention of a protected group replaced by one placeholder ({@link TargetTerms}), as in all
 *       the word-based features below;</li>
 *   <li>{@code c:} character n-grams of those words, hashed into buckets ({@link CharNgrams#SHIPPED}): parts of
 *       misspelt, obfuscated and compound words;</li>
 *   <li>{@code s:} Snowball stems of the words ({@link WordStemmer}; English and German, absent for other languages);</li>
 *   <li>{@code t:}, {@code p:}, {@code n:} target-directed negativity: a negative evaluation, emotion or wish near a
 *       group, near a pronoun, or alone ({@link TargetTerms});</li>
 *   <li>{@code lex:} the first lexicon's category scores;</li>
 *   <li>rule hits, at the level of categories and phenomena, never rule ids, so that a new rule of a known category
 *       feeds a known feature: {@code r:<category>} the rules' score of each attack category (after their shields),
 *       {@code r:target} when a protected group is named, {@code shield:<phenomenon>} for each shield that fired.
 *       Shadow rules are left out, as they never score. Absent for a language without rules.</li>
 * </ul>
 * Values are 1 for word n-grams, stems, targets and shields present; for character n-grams the value
 * {@link CharNgrams} gives (3 / √ of the post's number of n-grams, shipped); the score for lexicon and rule categories.
 */
public final class ClassifierFeatures {

  static final String RULE_PREFIX = "r:";
  static final String SHIELD_PREFIX = "shield:";

  private ClassifierFeatures() {
  }

  /**
   * All the features by name, character n-grams as {@code c:<bucket>}: what training sees. The service scores the same
   * features through {@link #forScoring}.
   *
   * @param foldedText the post folded by {@link TextNormaliser#fold}
   * @param language the model's language, which picks the stemmer (null: no stems)
   * @param rules the rules' result for the post; null for a language without rules
   */
  public static Map<String, Double> of(String foldedText, String language, LexiconAnalyser.Scored lexicon, RuleScorer.Scored rules) {
    return of(foldedText, language, lexicon, rules, CharNgrams.SHIPPED);
  }

  /**
   * The features with another definition of character n-grams, or none ({@code charNgrams} null): what training
   * compares definitions with.
   */
  public static Map<String, Double> of(String foldedText, String language, LexiconAnalyser.Scored lexicon, RuleScorer.Scored rules,
      CharNgrams charNgrams) {
    return of(words(foldedText), language, lexicon, rules, charNgrams);
  }

  private static Map<String, Double> of(List<String> words, String language, LexiconAnalyser.Scored lexicon,
      RuleScorer.Scored rules, CharNgrams charNgrams) {
    return of(TargetTerms.SHIPPED.tag(words, language), language, lexicon, rules, charNgrams);
  }

  private static Map<String, Double> of(TargetTerms.Tagged tagged, String language, LexiconAnalyser.Scored lexicon,
      RuleScorer.Scored rules, CharNgrams charNgrams) {
    List<String> words = tagged.words(); // group mentions replaced by the placeholder
    Map<String, Double> features = new LinkedHashMap<>(charNgrams == null ? 64 : 512); // 40 words have ~300 character n-grams
    String previous = "<s>";
    for (String word : words) {
      features.put("w:" + word, 1.0);
      features.put("b:" + previous + "_" + word, 1.0);
      previous = word;
    }
    if (!words.isEmpty()) {
      features.put("b:" + previous + "_</s>", 1.0);
    }
    if (charNgrams != null) {
      charNgrams.addTo(words, features);
    }
    if (WordStemmer.supports(language)) {
      for (int i = 0; i < words.size(); i++) {
        String word = words.get(i);
        if (Character.isLetter(word.codePointAt(0))) {
          features.put("s:" + (tagged.stems() != null ? tagged.stems().get(i) : WordStemmer.stem(word, language)), 1.0);
        }
      }
    }
    features.putAll(tagged.features());
    lexicon.scores().forEach((category, score) -> {
      if (score > 0) {
        features.put("lex:" + category, score);
      }
    });
    if (rules != null) {
      features.putAll(ruleFeatures(rules));
    }
    return features;
  }

  /**
   * A post's features as the service scores them: all but the character n-grams in {@code features}, and the folded
   * {@code words}, whose character n-grams {@link HateClassifier} hashes straight into its weights
   * ({@link CharNgrams#buckets}) instead of naming hundreds of {@code c:} features per post. It gives the same score as
   * {@link #of}.
   */
  public record PostFeatures(Map<String, Double> features, List<String> words) {
  }

  /** The features of {@link #of}, the character n-grams left to the classifier (see {@link PostFeatures}). */
  public static PostFeatures forScoring(String foldedText, String language, LexiconAnalyser.Scored lexicon, RuleScorer.Scored rules) {
    return forScoring(words(foldedText), language, lexicon, rules);
  }

  /** The same, for the {@link #words} of the folded text, split once by the caller. */
  static PostFeatures forScoring(List<String> words, String language, LexiconAnalyser.Scored lexicon, RuleScorer.Scored rules) {
    TargetTerms.Tagged tagged = TargetTerms.SHIPPED.tag(words, language);
    return new PostFeatures(of(tagged, language, lexicon, rules, null), tagged.words());
  }

  /** The rule-hit features alone (see the class comment). */
  public static Map<String, Double> ruleFeatures(RuleScorer.Scored rules) {
    Map<String, Double> features = new TreeMap<>();
    rules.scores().forEach((category, score) -> {
      if (score > 0) {
        features.put(RULE_PREFIX + category, score);
      }
    });
    for (RuleScorer.Fired fired : rules.fired()) {
      if (fired.shadow()) {
        continue;
      }
      if (fired.kind().equals(Rule.TARGET)) {
        features.put(RULE_PREFIX + "target", 1.0);
      } else if (fired.kind().equals(Rule.SHIELD)) {
        features.put(SHIELD_PREFIX + fired.category(), 1.0);
      }
    }
    return features;
  }

  /** Runs of letters and digits (with inner apostrophes), and every other non-space code point (emoji, symbols) alone. */
  public static List<String> words(String folded) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    folded.codePoints().forEach(cp -> {
      if (Character.isLetterOrDigit(cp) || (cp == '\'' && !word.isEmpty())) {
        word.appendCodePoint(cp);
        return;
      }
      if (!word.isEmpty()) {
        words.add(word.toString());
        word.setLength(0);
      }
      if (!Character.isWhitespace(cp) && Character.getType(cp) != Character.NON_SPACING_MARK && !isPunctuation(cp)) {
        words.add(new String(Character.toChars(cp)));
      }
    });
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    return words;
  }

  private static boolean isPunctuation(int cp) {
    int type = Character.getType(cp);
    return type == Character.OTHER_PUNCTUATION || type == Character.DASH_PUNCTUATION || type == Character.START_PUNCTUATION
        || type == Character.END_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
        || type == Character.CONNECTOR_PUNCTUATION || cp == 0xFE0F || cp == 0x200D;
  }
}
