package org.modsuite.moderation.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The classifier's target lexicon ({@code /model/target-lexicon.tsv}): protected groups, and words of negative
 * evaluation, emotion and wishes for harm, matched by Snowball stem on the folded words. Two things come of it:
 * <ul>
 *   <li><b>Debiasing.</b> Every group mention becomes the one placeholder word {@value #PLACEHOLDER} before the word,
 *       bigram, stem and character n-gram features are computed, so that no group's name carries weight of its own
 *       (<i>Her colleague is an immigrant</i> and <i>… is a Muslim</i> get the same features).</li>
 *   <li><b>Target-directed negativity.</b> For each negative term, a feature saying whether a group (or, in a post that
 *       names one, a pronoun) stands within {@value #WINDOW} words of it: {@code t:<class>} when one does,
 *       {@code p:<class>} for a pronoun in a post that names no group, {@code n:<class>} when neither; {@code -neg}
 *       appended when a negator stands within the three words before the term (<i>are not disgusting</i>). Classes:
 *       {@code eval}, {@code emotion}, {@code wish}. A window, not a dependency parse: it costs a few microseconds per post,
 *       where a parse costs milliseconds; the rules' shields (quotation, counter-speech, news) still lower the
 *       classifier's score afterwards.</li>
 * </ul>
 */
public final class TargetTerms {

  /** The word that stands for every group mention in the classifier's features. */
  public static final String PLACEHOLDER = "[group]";
  public static final String VERSION_LINE = "@target-lexicon";
  static final int WINDOW = 5;
  private static final int NEGATION_REACH = 3;
  private static final String GROUP = "group";
  private static final String PRONOUN = "pronoun";
  private static final String NEGATOR = "negator";

  /** The bundled lexicon, read once. */
  public static final TargetTerms SHIPPED = load();

  private final String version;
  /** language -> stem (or "stem stem") -> class */
  private final Map<String, Map<String, String>> byLanguage;

  private TargetTerms(String version, Map<String, Map<String, String>> byLanguage) {
    this.version = version;
    this.byLanguage = byLanguage;
  }

  public String version() {
    return version;
  }

  /**
   * A post's words after tagging: {@code words} with each group mention replaced by {@link #PLACEHOLDER} (a two-word
   * mention becomes one), the Snowball {@code stems} of those words (null for a language without a stemmer), and the
   * target-directed negativity {@code features}.
   */
  public record Tagged(List<String> words, List<String> stems, Map<String, Double> features) {
  }

  /** Tags the folded {@code words} of a post in {@code language}; a language without a lexicon leaves them as they are. */
  public Tagged tag(List<String> words, String language) {
    Map<String, String> terms = language == null ? null : byLanguage.get(language);
    if (terms == null || !WordStemmer.supports(language)) {
      return new Tagged(words, null, Map.of());
    }
    int n = words.size();
    String[] stems = new String[n];
    for (int i = 0; i < n; i++) {
      stems[i] = WordStemmer.stem(words.get(i), language);
    }
    List<String> tagged = new ArrayList<>(n);
    List<String> taggedStems = new ArrayList<>(n);
    List<String> classes = new ArrayList<>(n);
    boolean namesGroup = false;
    for (int i = 0; i < n; i++) {
      String pair = i + 1 < n ? terms.get(stems[i] + " " + stems[i + 1]) : null;
      String single = terms.get(stems[i]);
      String cls = pair != null ? pair : single;
      if (GROUP.equals(cls)) {
        tagged.add(PLACEHOLDER);
        taggedStems.add(PLACEHOLDER);
        namesGroup = true;
      } else {
        tagged.add(words.get(i));
        taggedStems.add(stems[i]);
      }
      classes.add(cls);
      if (pair != null) {
        i++; // a two-word term is one position
        if (!GROUP.equals(pair)) {
          tagged.add(words.get(i));
          taggedStems.add(stems[i]);
          classes.add(null);
        }
      }
    }
    return new Tagged(tagged, taggedStems, features(classes, namesGroup));
  }

  private static Map<String, Double> features(List<String> classes, boolean namesGroup) {
    Map<String, Double> features = new TreeMap<>();
    for (int i = 0; i < classes.size(); i++) {
      String cls = classes.get(i);
      if (cls == null || cls.equals(GROUP) || cls.equals(PRONOUN) || cls.equals(NEGATOR)) {
        continue;
      }
      boolean group = false;
      boolean pronoun = false;
      for (int j = Math.max(0, i - WINDOW); j <= Math.min(classes.size() - 1, i + WINDOW); j++) {
        group |= GROUP.equals(classes.get(j));
        pronoun |= PRONOUN.equals(classes.get(j));
      }
      boolean negated = false;
      for (int j = Math.max(0, i - NEGATION_REACH); j < i; j++) {
        negated |= NEGATOR.equals(classes.get(j));
      }
      String prefix = group || (pronoun && namesGroup) ? "t:" : pronoun ? "p:" : "n:";
      features.put(prefix + cls + (negated ? "-neg" : ""), 1.0);
    }
    return features;
  }

  private static TargetTerms load() {
    String resource = "/model/target-lexicon.tsv";
    InputStream in = TargetTerms.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("target lexicon " + resource + " is missing");
    }
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String version = null;
      Map<String, Map<String, String>> byLanguage = new HashMap<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] columns = line.split("\t");
        if (columns[0].equals("@version")) {
          version = columns[1];
          continue;
        }
        String language = columns[0];
        StringBuilder key = new StringBuilder();
        for (String word : ClassifierFeatures.words(TextNormaliser.fold(columns[2]).text())) {
          key.append(key.isEmpty() ? "" : " ").append(WordStemmer.stem(word, language));
        }
        // the first class a stem is listed under wins: groups come first in the file
        byLanguage.computeIfAbsent(language, l -> new HashMap<>()).putIfAbsent(key.toString(), columns[1]);
      }
      if (version == null) {
        throw new IllegalStateException("target lexicon " + resource + " has no @version line");
      }
      return new TargetTerms(version, byLanguage);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
