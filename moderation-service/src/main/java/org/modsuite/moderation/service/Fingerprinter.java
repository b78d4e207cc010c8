package org.modsuite.moderation.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fingerprints of a text for the equivalent-content bank. Normalisation is {@link TextNormaliser}'s folding (case,
 * compatibility forms, leetspeak, masking) followed by keeping only the words, so punctuation, emoji and spacing do
 * not change a fingerprint. Near matching uses word shingles of {@value #SHINGLE} words.
 */
public final class Fingerprinter {

  static final int SHINGLE = 2;
  public static final String QUOTE = "quote";
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  /** Quotation marks: straight, curly, German low and French; an apostrophe is not one. */
  private static final String QUOTES = "\"“”„«»";

  private Fingerprinter() {
  }

  /**
   * @param fired the lexicon entries that fired on the text (its condemning or reporting cues count as framing)
   */
  public static ContentFingerprint of(String text, List<LexiconAnalyser.Fired> fired) {
    return of(text, TextNormaliser.fold(text).text(), fired);
  }

  /** The same, with {@code text} already folded by {@link TextNormaliser#fold} (the analysis folds each post once). */
  public static ContentFingerprint of(String text, String foldedText, List<LexiconAnalyser.Fired> fired) {
    List<String> words = words(foldedText);
    String normalised = String.join(" ", words);
    Set<String> framing = new TreeSet<>();
    if (hasQuotedPassage(text)) {
      framing.add(QUOTE);
    }
    fired.stream().filter(f -> f.kind().equals("context")).forEach(f -> framing.add(f.id()));
    int[] minHash = words.isEmpty() ? null : MinHash.signature(shingles(words));
    return new ContentFingerprint(sha256(normalised), minHash, framing);
  }

  /**
   * Whether a pair of quotation marks encloses at least two words. Marks pair up in order (first opens, next closes),
   * whatever their shape, since posts mix them; a linear scan, as a regex with nested quantifiers can take
   * polynomial time on a 64 KB text with an unclosed quote.
   */
  static boolean hasQuotedPassage(String text) {
    int open = -1;
    for (int i = 0; i < text.length(); i++) {
      if (QUOTES.indexOf(text.charAt(i)) < 0) {
        continue;
      }
      if (open < 0) {
        open = i;
      } else {
        Matcher words = WORD.matcher(text).region(open + 1, i);
        if (words.find() && words.find()) {
          return true;
        }
        open = -1;
      }
    }
    return false;
  }

  /** The words of a folded text. */
  static List<String> words(String foldedText) {
    Matcher m = WORD.matcher(foldedText);
    List<String> words = new ArrayList<>();
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }

  /** Word n-grams of SHINGLE words; a text shorter than that is its one shingle. */
  static Set<String> shingles(List<String> words) {
    Set<String> shingles = new LinkedHashSet<>();
    if (words.size() < SHINGLE) {
      shingles.add(String.join(" ", words));
      return shingles;
    }
    for (int i = 0; i + SHINGLE <= words.size(); i++) {
      shingles.add(String.join(" ", words.subList(i, i + SHINGLE)));
    }
    return shingles;
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
