package org.modsuite.moderation.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The features the hate classifier sees, computed the same way when training and when scoring: word unigrams and
 * bigrams of the folded text (obfuscation undone, emoji kept as words of their own) and the lexicon's category
 * scores. Values are 1 for n-grams present and the score for lexicon categories.
 */
public final class ClassifierFeatures {

  private ClassifierFeatures() {
  }

  public static Map<String, Double> of(String text, LexiconAnalyser.Scored lexicon) {
    return ofFolded(TextNormaliser.fold(text).text(), lexicon);
  }

  /** The same, for a text already folded by {@link TextNormaliser#fold}. */
  public static Map<String, Double> ofFolded(String foldedText, LexiconAnalyser.Scored lexicon) {
    Map<String, Double> features = new LinkedHashMap<>();
    List<String> words = words(foldedText);
    String previous = "<s>";
    for (String word : words) {
      features.put("w:" + word, 1.0);
      features.put("b:" + previous + "_" + word, 1.0);
      previous = word;
    }
    if (!words.isEmpty()) {
      features.put("b:" + previous + "_</s>", 1.0);
    }
    lexicon.scores().forEach((category, score) -> {
      if (score > 0) {
        features.put("lex:" + category, score);
      }
    });
    return features;
  }

  /** Runs of letters and digits (with inner apostrophes), and every other non-space code point (emoji, symbols) alone. */
  static List<String> words(String folded) {
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
