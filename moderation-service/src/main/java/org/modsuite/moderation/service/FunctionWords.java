package org.modsuite.moderation.service;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cheap first step of {@link LanguageIdentifier}: the language of a post that plainly uses the function words (articles,
 * pronouns, conjunctions, auxiliaries) of one language far more than those of any other, from short lists of a dozen
 * European languages. One hash lookup per word, a few microseconds per post, where Lingua over all its languages
 * costs several hundred. A word shared by several languages ({@code die}, {@code de}, {@code was}) counts for each, so it
 * decides nothing; close languages (Danish, Norwegian, Swedish) never win by the margin needed and are left to Lingua.
 */
final class FunctionWords {

  /** Fewest function words of the winning language, and how many times the runner-up's count it must reach. */
  static final int MIN_WORDS = 3;
  static final int MARGIN = 2;

  private static final Map<String, List<String>> WORDS = Map.ofEntries(
      Map.entry("en", List.of("the", "and", "is", "are", "was", "were", "of", "to", "that", "this", "with", "for", "have", "has", "you", "they",
          "he", "she", "it", "not", "be", "been", "what", "who", "will", "would", "should", "them", "their", "there", "these", "those", "from",
          "but", "about", "just", "all", "can", "do", "does", "my", "your", "our", "we", "if", "or", "at", "by", "me", "i", "why", "how")),
      Map.entry("de", List.of("der", "die", "das", "und", "ist", "sind", "war", "nicht", "ein", "eine", "einen", "einem", "einer", "den", "dem",
          "des", "zu", "mit", "für", "auf", "ich", "du", "er", "sie", "wir", "ihr", "es", "sich", "auch", "wie", "aber", "noch", "nur", "dass",
          "daß", "wenn", "oder", "kein", "keine", "hier", "schon", "doch", "alle", "im", "vom", "zum", "zur", "bei", "aus", "nach", "über",
          "werden", "wird", "wurde", "haben", "hat", "was", "will", "wer", "warum")),
      Map.entry("fr", List.of("le", "la", "les", "et", "est", "sont", "était", "des", "du", "de", "un", "une", "ce", "cette", "que", "qui", "ne",
          "pas", "pour", "avec", "dans", "sur", "au", "aux", "il", "ils", "elle", "elles", "nous", "vous", "je", "tu", "on", "mais", "ou", "plus",
          "tout", "tous", "être", "leur", "leurs", "c'est")),
      Map.entry("es", List.of("el", "la", "los", "las", "y", "es", "son", "era", "de", "del", "un", "una", "que", "no", "en", "con", "por",
          "para", "se", "lo", "su", "sus", "al", "como", "pero", "más", "muy", "este", "esta", "estos", "yo", "ellos", "ellas", "hay", "todo",
          "todos")),
      Map.entry("it", List.of("il", "lo", "la", "gli", "le", "e", "è", "sono", "di", "del", "della", "dei", "un", "una", "che", "non", "per",
          "con", "su", "si", "come", "ma", "più", "anche", "questo", "questa", "io", "tu", "noi", "voi", "loro", "ci", "hanno", "ha")),
      Map.entry("pt", List.of("o", "a", "os", "as", "e", "é", "são", "de", "do", "da", "dos", "das", "um", "uma", "que", "não", "em", "com",
          "por", "para", "se", "como", "mas", "mais", "muito", "este", "esta", "eu", "você", "nós", "eles", "elas", "foi", "tem")),
      Map.entry("nl", List.of("de", "het", "een", "en", "is", "zijn", "was", "niet", "van", "op", "voor", "met", "dat", "die", "dit", "ik",
          "je", "jij", "hij", "zij", "wij", "we", "ze", "er", "maar", "ook", "als", "of", "aan", "bij", "naar", "uit", "om", "nog", "al",
          "geen", "wel")),
      Map.entry("sv", List.of("och", "att", "det", "som", "är", "på", "för", "med", "inte", "jag", "har", "en", "den", "de", "var", "till",
          "om", "av")),
      Map.entry("da", List.of("og", "at", "det", "som", "er", "på", "for", "med", "ikke", "jeg", "har", "en", "den", "de", "var", "til", "om",
          "af")),
      Map.entry("nb", List.of("og", "at", "det", "som", "er", "på", "for", "med", "ikke", "jeg", "har", "en", "den", "de", "var", "til", "om",
          "av")),
      Map.entry("tr", List.of("ve", "bir", "bu", "da", "de", "ne", "için", "ile", "çok", "daha", "gibi", "ama", "ben", "sen", "o", "biz",
          "siz", "onlar", "değil", "var", "yok", "mi", "mı")),
      Map.entry("pl", List.of("i", "w", "z", "na", "się", "nie", "to", "że", "jest", "do", "jak", "ale", "o", "co", "tak", "czy", "są", "po",
          "od", "za", "jego", "ich")));

  private static final String[] LANGUAGES = WORDS.keySet().stream().sorted().toArray(String[]::new);
  /** Word → bit set of the languages (indexes into {@link #LANGUAGES}) it is a function word of. */
  private static final Map<String, Integer> INDEX = index();

  private FunctionWords() {
  }

  private static Map<String, Integer> index() {
    Map<String, Integer> index = new HashMap<>();
    for (int l = 0; l < LANGUAGES.length; l++) {
      int bit = 1 << l;
      WORDS.get(LANGUAGES[l]).forEach(w -> index.merge(w, bit, (a, b) -> a | b));
    }
    return Map.copyOf(index);
  }

  /** The language whose function words the post plainly uses (see the class comment), or null. */
  static String guess(String text) {
    int[] counts = new int[LANGUAGES.length];
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean letter = i < text.length() && (Character.isLetter(text.charAt(i)) || (text.charAt(i) == '\'' && start >= 0));
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        Integer languages = INDEX.get(text.substring(start, i).toLowerCase(Locale.ROOT));
        if (languages != null) {
          for (int l = 0; l < LANGUAGES.length; l++) {
            counts[l] += (languages >> l) & 1;
          }
        }
        start = -1;
      }
    }
    int best = 0;
    int second = 0;
    int winner = -1;
    for (int l = 0; l < counts.length; l++) {
      if (counts[l] > best) {
        second = best;
        best = counts[l];
        winner = l;
      } else if (counts[l] > second) {
        second = counts[l];
      }
    }
    return best >= MIN_WORDS && best >= MARGIN * second ? LANGUAGES[winner] : null;
  }
}
