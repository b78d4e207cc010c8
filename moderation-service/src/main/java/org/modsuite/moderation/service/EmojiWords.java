package org.modsuite.moderation.service;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;

import net.fellbaum.jemoji.Emoji;
import net.fellbaum.jemoji.EmojiGroup;
import net.fellbaum.jemoji.EmojiManager;
import net.fellbaum.jemoji.EmojiSubGroup;
import net.fellbaum.jemoji.Fitzpatrick;

/**
 * Emoji as the words of their CLDR names (English, from jemoji): 🐀 → {@code " rat "}, 👍🏽 → {@code " thumbs up "}
 * (skin tones are not part of the meaning), 👨‍👩‍👧 → {@code " family man woman girl "}, 🇩🇪 → {@code " flag germany "}.
 * Symbols that are text by default and typographic (© ™ ‼ ↔ ▪, unless followed by the emoji variation selector) are
 * left to {@link UnicodeFolding}. Keycaps become their key and 🅱 its letter, without spaces, since they stand in
 * for characters of a word ({@code 🅱itch}).
 */
final class EmojiWords {

  private static final Set<EmojiSubGroup> TYPOGRAPHIC = EnumSet.of(EmojiSubGroup.PUNCTUATION, EmojiSubGroup.ARROW,
      EmojiSubGroup.GEOMETRIC, EmojiSubGroup.MATH, EmojiSubGroup.OTHER_SYMBOL, EmojiSubGroup.AV_SYMBOL,
      EmojiSubGroup.ALPHANUM, EmojiSubGroup.KEYCAP, EmojiSubGroup.CURRENCY);
  private static final Pattern SKIN_TONE = Pattern.compile("(light|medium-light|medium|medium-dark|dark) skin tone");
  private static final Pattern LETTER_BUTTON = Pattern.compile("^([a-z]) button\\b.*");
  private static final Pattern KEYCAP = Pattern.compile("^keycap: (.+)$");

  /** Every emoji sequence jemoji knows (each qualification and skin tone variant) → its replacement. */
  private static final Map<String, String> WORDS = new HashMap<>();
  /** The lengths (in chars) of those sequences, longest first, for the longest match. */
  private static final int[] LENGTHS;
  /** The chars that can start a replaced emoji; the search runs only where one occurs. */
  private static final boolean[] STARTS = new boolean[0x10000];

  static {
    for (Emoji emoji : EmojiManager.getAllEmojis()) {
      String words = replacement(emoji);
      if (words != null) {
        WORDS.put(emoji.getEmoji(), words);
        STARTS[emoji.getEmoji().charAt(0)] = true;
      }
    }
    LENGTHS = WORDS.keySet().stream().mapToInt(String::length).distinct().sorted().toArray();
    for (int i = 0, j = LENGTHS.length - 1; i < j; i++, j--) {
      int t = LENGTHS[i];
      LENGTHS[i] = LENGTHS[j];
      LENGTHS[j] = t;
    }
  }

  private EmojiWords() {
  }

  /**
   * The longest emoji sequence starting at {@code i} that is replaced by words, as its end index, or -1. Cheap for a
   * character that starts none (all of ASCII except keycap digits, letters of every script).
   */
  static int match(String text, int i) {
    if (!STARTS[text.charAt(i)]) {
      return -1;
    }
    for (int length : LENGTHS) {
      if (i + length <= text.length() && WORDS.containsKey(text.substring(i, i + length))) {
        return i + length;
      }
    }
    return -1;
  }

  /** What the emoji sequence {@code text[start, end)} found by {@link #match} is replaced by. */
  static String replacement(String text, int start, int end) {
    return WORDS.get(text.substring(start, end));
  }

  private static String replacement(Emoji emoji) {
    String sequence = emoji.getEmoji();
    if (emoji.getGroup() == EmojiGroup.COMPONENT) {
      return null; // a skin tone or hair component alone
    }
    String name = name(emoji).toLowerCase(Locale.ROOT);
    Matcher keycap = KEYCAP.matcher(name);
    if (keycap.matches()) {
      return keycap.group(1);
    }
    Matcher letter = LETTER_BUTTON.matcher(name);
    if (emoji.getSubgroup() == EmojiSubGroup.ALPHANUM && letter.matches()) {
      return letter.group(1); // 🅱 with or without the emoji variation selector
    }
    boolean single = sequence.codePointCount(0, sequence.length()) == 1;
    if (single && !UCharacter.hasBinaryProperty(sequence.codePointAt(0), UProperty.EMOJI_PRESENTATION)
        && TYPOGRAPHIC.contains(emoji.getSubgroup())) {
      return null;
    }
    String words = words(SKIN_TONE.matcher(name).replaceAll(" "));
    return words.isEmpty() ? null : " " + words + " ";
  }

  /** The CLDR name, of the emoji without its skin tones where that exists (👍🏽 → "thumbs up"). */
  private static String name(Emoji emoji) {
    if (emoji.hasFitzpatrickComponent()) {
      return EmojiManager.getEmoji(Fitzpatrick.removeFitzpatrick(emoji.getEmoji())).map(Emoji::getDescription)
          .orElse(emoji.getDescription());
    }
    return emoji.getDescription();
  }

  /** Letters and digits of a name, folded like text (piñata → pinata), words separated by single spaces. */
  private static String words(String name) {
    StringBuilder out = new StringBuilder(name.length());
    name.codePoints().forEach(cp -> {
      if (Character.isLetterOrDigit(cp)) {
        out.append(UnicodeFolding.fold(cp));
      } else if ((cp == '\'' || cp == '\u2019') && !out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
        out.append('\''); // man’s shoe
      } else if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
        out.append(' ');
      }
    });
    return out.toString().trim();
  }
}
