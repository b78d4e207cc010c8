package org.modsuite.moderation.service;

import java.util.Map;
import java.util.function.Supplier;

import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.GermanStemmer;

/**
 * Snowball stems (Lucene's English and German stemmers) of folded words: the classifier's lemma-like features. Stems,
 * not lemmas: {@code refugees} and {@code refugee} share {@code refuge}, but so may unrelated words, and irregular forms
 * stay apart. CoreNLP's lemmas need the tagger, far beyond the per-post budget; a stem costs well under a microsecond.
 */
final class WordStemmer {

  private static final Map<String, ThreadLocal<SnowballStemmer>> STEMMERS = Map.of(
      "en", stemmer(EnglishStemmer::new),
      "de", stemmer(GermanStemmer::new));

  private WordStemmer() {
  }

  /** Whether {@code language} has a stemmer. */
  static boolean supports(String language) {
    return language != null && STEMMERS.containsKey(language);
  }

  /** The stem of a folded (lower-case) word, or the word itself for a language without a stemmer. */
  static String stem(String word, String language) {
    ThreadLocal<SnowballStemmer> local = language == null ? null : STEMMERS.get(language);
    if (local == null) {
      return word;
    }
    SnowballStemmer stemmer = local.get(); // Snowball stemmers keep state: one per thread
    stemmer.setCurrent(word);
    stemmer.stem();
    return stemmer.getCurrent();
  }

  private static ThreadLocal<SnowballStemmer> stemmer(Supplier<SnowballStemmer> factory) {
    return ThreadLocal.withInitial(factory);
  }
}
