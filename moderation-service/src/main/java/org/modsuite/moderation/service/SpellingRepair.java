package org.modsuite.moderation.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.modsuite.moderation.service.rules.RuleSet;

/**
 * Undoes the obfuscation {@link TextNormaliser} cannot undo alone, towards the words of a rule set's lexicons (groups,
 * slurs, dehumanising, violent and insulting words): what a misspelling is depends on the words it misspells. Runs
 * once per post on the folded text, so that the rules and the classifier's features both see the restored words, and
 * keeps each character's original range (spans stay right). Three repairs, each only for a word that is not
 * {@link KnownWords known} (seen twice in the training texts, or on the hand-written keep list), so that ordinary
 * words are not turned into slurs:
 * <ol>
 * <li>a word cut in two by a space: {@code immi grants}, {@code refu gees} → the lexicon word both halves make, unless
 * both halves are known words ({@code sub human}, German {@code er schiesst} stay);</li>
 * <li>one letter dropped inside the word or two neighbouring letters swapped, in a word of {@value #MIN_LENGTH} letters
 * or more: {@code imigrants}, {@code refuges}, {@code mirgants}, {@code imigrnats}; never a substituted letter, nor a
 * dropped first or last letter, which turn too many ordinary words into others ({@code think}/{@code chink},
 * {@code leben}/{@code lesben}, {@code kinder}/{@code inder}); a group word of 9 letters or more may also have a
 * dropped letter and a swap ({@code imigrnats}); in German also umlauts written as {@code ue} or
 * {@code u} ({@code fluechtlinge});</li>
 * <li>words run together: {@code immigrantvermin}, {@code refugeesarerats} → two or three words, one of them a group
 * or slur of the lexicons, the others lexicon or known words; in German, whose compounds are ordinary words, only
 * lexicon words ({@code migrantenratten}, not {@code ausländerbehörde}).</li>
 * </ol>
 * Hashtags and mentions are left alone (rules match them whole). The lexicons may change at run time; a repair is
 * built per rule set version ({@link FusedScorer} keeps one per language).
 */
public final class SpellingRepair {

  /** The lexicons whose words are worth restoring: naming a group, or attacking one. */
  static final Set<String> TARGET_LEXICONS = Set.of("GROUP", "SLUR", "VERMIN", "INVASION", "VIOLENCE", "INSULT", "CODED",
      "INSULT_PRED", "HATE_VERB", "DISGUST_VERB", "HARM_PART", "EXPEL_PART", "HARM_PASSIVE");
  /** A joined word is split only when one of its parts is from these. */
  static final Set<String> GROUP_LEXICONS = Set.of("GROUP", "SLUR");
  static final int MIN_LENGTH = 5;
  /** A run-together word is at least this long before it is split. */
  static final int MIN_JOINED = 8;
  /** Parts of a run-together word have at least this many letters ({@code are}, {@code rats}). */
  static final int MIN_PART = 3;
  /** The group or slur a run-together word is split around has at least this many letters. */
  static final int MIN_GROUP_PART = 6;
  /** Long group words may have two slips ({@code imigrnats}: a dropped letter and a swap). */
  static final int MIN_TWO_SLIPS = 9;
  static final int MAX_TWO_SLIPS = 14;

  private final String version;
  private final Set<String> targets = new HashSet<>();
  private final Set<String> groups = new HashSet<>();
  private final Set<String> lexiconWords = new HashSet<>();
  /** A target with one of its letters dropped → the targets it comes from (symmetric deletion: swaps share one). */
  private final Map<String, List<String>> deletions = new HashMap<>();
  /** The same with two letters dropped, for group words of {@value #MIN_TWO_SLIPS}–{@value #MAX_TWO_SLIPS} letters. */
  private final Map<String, List<String>> doubleDeletions = new HashMap<>();
  /** German umlauts written without them: {@code fluechtlinge}, {@code fluchtlinge} → {@code flüchtlinge}. */
  private final Map<String, String> transliterations = new HashMap<>();
  private final Set<String> known;
  private final boolean compoundLanguage;

  private SpellingRepair(String version, Set<String> known, boolean compoundLanguage) {
    this.version = version;
    this.known = known;
    this.compoundLanguage = compoundLanguage;
  }

  /** The repair towards {@code ruleSet}'s lexicons; does nothing for a language without {@link KnownWords}. */
  public static SpellingRepair of(RuleSet ruleSet, Set<String> known) {
    SpellingRepair repair = new SpellingRepair(ruleSet.version(), known, "de".equals(ruleSet.language()));
    if (known.isEmpty()) {
      return repair;
    }
    ruleSet.lexicons().forEach((name, entries) -> {
      for (String entry : entries) {
        for (String form : LexiconForms.expand(entry)) {
          if (form.isEmpty() || form.indexOf(' ') >= 0 || !form.chars().allMatch(Character::isLetter)) {
            continue;
          }
          repair.lexiconWords.add(form);
          if (TARGET_LEXICONS.contains(name)) {
            repair.targets.add(form);
          }
          if (GROUP_LEXICONS.contains(name)) {
            repair.groups.add(form);
          }
        }
      }
    });
    for (String t : new TreeSet<>(repair.targets)) { // sorted: the first candidate wins, the same on every replica
      if (t.length() >= MIN_LENGTH) {
        for (int i = 0; i < t.length(); i++) {
          String once = t.substring(0, i) + t.substring(i + 1);
          repair.deletions.computeIfAbsent(once, k -> new ArrayList<>(1)).add(t);
          boolean twoSlips = repair.groups.contains(t) && t.length() >= MIN_TWO_SLIPS && t.length() <= MAX_TWO_SLIPS;
          for (int j = i; twoSlips && j < once.length(); j++) {
            repair.doubleDeletions.computeIfAbsent(once.substring(0, j) + once.substring(j + 1), k -> new ArrayList<>(1)).add(t);
          }
        }
      }
      if (repair.compoundLanguage) {
        for (String ascii : List.of(transliterate(t, true), transliterate(t, false))) {
          if (!ascii.equals(t) && !known.contains(ascii) && !repair.lexiconWords.contains(ascii)) {
            repair.transliterations.putIfAbsent(ascii, t);
          }
        }
      }
    }
    return repair;
  }

  public String version() {
    return version;
  }

  /** {@code folded} with the repairs made, or {@code folded} itself when there was none to make (most posts). */
  public TextNormaliser.Folded repair(TextNormaliser.Folded folded) {
    if (targets.isEmpty()) {
      return folded;
    }
    String text = folded.text();
    List<int[]> words = words(text);
    List<Edit> edits = null;
    for (int w = 0; w < words.size(); w++) {
      int start = words.get(w)[0];
      int end = words.get(w)[1];
      Edit edit = null;
      if (w + 1 < words.size() && words.get(w + 1)[0] == end + 1 && text.charAt(end) == ' ') {
        edit = join(text, start, end, words.get(w + 1)[0], words.get(w + 1)[1]);
        if (edit != null) {
          w++;
        }
      }
      if (edit == null) {
        edit = repairWord(text, start, end);
      }
      if (edit != null) {
        if (edits == null) {
          edits = new ArrayList<>(2);
        }
        edits.add(edit);
      }
    }
    return edits == null ? folded : apply(folded, edits);
  }

  /** Two halves of one lexicon word: {@code immi grants}. */
  private Edit join(String text, int start, int end, int nextStart, int nextEnd) {
    String a = text.substring(start, end);
    String b = text.substring(nextStart, nextEnd);
    String joined = a + b;
    String target = targets.contains(joined) ? joined : transliterations.get(joined);
    if (target == null || joined.length() < MIN_LENGTH || isWord(a) && isWord(b)) {
      return null;
    }
    return new Edit(start, nextEnd, target, target.equals(joined));
  }

  private Edit repairWord(String text, int start, int end) {
    if (end - start < MIN_LENGTH || !standsAlone(text, start, end)) {
      return null;
    }
    String word = text.substring(start, end);
    if (isWord(word)) {
      return null;
    }
    String transliterated = transliterations.get(word);
    if (transliterated != null) {
      return new Edit(start, end, transliterated, false);
    }
    String corrected = correct(word);
    if (corrected != null) {
      return new Edit(start, end, corrected, false);
    }
    String split = word.length() >= MIN_JOINED ? split(word) : null;
    return split == null ? null : new Edit(start, end, split, true);
  }

  /** A target one dropped inner letter or one swap away, or (long words) two such slips away, or null. */
  String correct(String word) {
    String found = pick(null, deletions.get(word), word, false);
    for (int i = 0; i < word.length(); i++) {
      found = pick(found, deletions.get(word.substring(0, i) + word.substring(i + 1)), word, false);
    }
    if (found != null || word.length() < MIN_TWO_SLIPS - 2) {
      return found;
    }
    found = pick(null, doubleDeletions.get(word), word, true);
    for (int i = 0; i < word.length(); i++) {
      found = pick(found, doubleDeletions.get(word.substring(0, i) + word.substring(i + 1)), word, true);
    }
    return found;
  }

  private static String pick(String found, List<String> candidates, String word, boolean twice) {
    if (candidates == null) {
      return found;
    }
    for (String t : candidates) {
      if ((found == null || t.compareTo(found) < 0) && (twice ? twoSlips(word, t) : oneSlip(word, t))) {
        found = t;
      }
    }
    return found;
  }

  private static boolean oneSlip(String word, String target) {
    return droppedInside(word, target) || swapped(word, target);
  }

  /**
   * A dropped inner letter and a swap. Not two dropped letters, nor towards other than group words: on the dev texts
   * those turned ordinary words into others ({@code dangers}/{@code dangerous}, {@code flüchtig}/{@code flüchtling},
   * {@code kartieren}/{@code kastrieren}).
   */
  private static boolean twoSlips(String word, String target) {
    if (target.length() != word.length() + 1) {
      return false;
    }
    for (int k = 1; k < target.length() - 1; k++) {
      if (swapped(word, target.substring(0, k) + target.substring(k + 1))) {
        return true;
      }
    }
    return false;
  }

  /** {@code word} is {@code target} without one letter that is neither its first nor its last. */
  private static boolean droppedInside(String word, String target) {
    if (target.length() != word.length() + 1) {
      return false;
    }
    for (int k = 1; k < target.length() - 1; k++) {
      if (word.regionMatches(0, target, 0, k) && word.regionMatches(k, target, k + 1, word.length() - k)) {
        return true;
      }
    }
    return false;
  }

  /** {@code word} is {@code target} with two neighbouring (different) letters swapped. */
  private static boolean swapped(String word, String target) {
    if (target.length() != word.length()) {
      return false;
    }
    int i = 0;
    while (i < word.length() && word.charAt(i) == target.charAt(i)) {
      i++;
    }
    return i + 1 < word.length() && word.charAt(i) == target.charAt(i + 1) && word.charAt(i + 1) == target.charAt(i)
        && word.regionMatches(i + 2, target, i + 2, word.length() - i - 2);
  }

  /** Two or three words run together, one a group or slur, or null. The fewest parts win, then the longest first part. */
  String split(String word) {
    int n = word.length();
    for (int i = n - MIN_PART; i >= MIN_PART; i--) {
      String a = word.substring(0, i);
      String b = word.substring(i);
      if (part(a) && part(b) && (group(a) || group(b))) {
        return a + " " + b;
      }
    }
    for (int i = n - 2 * MIN_PART; i >= MIN_PART; i--) {
      String a = word.substring(0, i);
      if (!part(a)) {
        continue;
      }
      for (int j = n - MIN_PART; j >= i + MIN_PART; j--) {
        String b = word.substring(i, j);
        String c = word.substring(j);
        if (part(b) && part(c) && (group(a) || group(b) || group(c))) {
          return a + " " + b + " " + c;
        }
      }
    }
    return null;
  }

  /** A group or slur long enough not to turn up inside ordinary words by chance ({@code trans|mission}). */
  private boolean group(String s) {
    return s.length() >= MIN_GROUP_PART && groups.contains(s);
  }

  /** A part a joined word may be split into: in German only a lexicon word, since compounds are ordinary words. */
  private boolean part(String s) {
    return compoundLanguage ? targets.contains(s) : lexiconWords.contains(s) || known.contains(s);
  }

  private boolean isWord(String s) {
    return known.contains(s) || lexiconWords.contains(s);
  }

  /** Not part of a hashtag, a mention, a path or an identifier with digits. */
  private static boolean standsAlone(String text, int start, int end) {
    char before = start > 0 ? text.charAt(start - 1) : ' ';
    char after = end < text.length() ? text.charAt(end) : ' ';
    return "#@/_".indexOf(before) < 0 && !Character.isDigit(before) && after != '_' && !Character.isDigit(after);
  }

  /** The runs of letters of {@code text}, as {start, end}. */
  private static List<int[]> words(String text) {
    List<int[]> words = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!Character.isLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < n && Character.isLetter(text.charAt(j))) {
        j++;
      }
      words.add(new int[] {i, j});
      i = j;
    }
    return words;
  }

  private static String transliterate(String s, boolean digraphs) {
    StringBuilder b = new StringBuilder(s.length() + 4);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case 'ä' -> b.append(digraphs ? "ae" : "a");
        case 'ö' -> b.append(digraphs ? "oe" : "o");
        case 'ü' -> b.append(digraphs ? "ue" : "u");
        case 'ß' -> b.append("ss");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Folded characters {@code [start, end)} become {@code replacement}. {@code aligned}: the replacement is the same
   * letters with spaces moved (a join or a split), so each letter keeps its own original range and an inserted space
   * takes its left neighbour's; otherwise (a corrected word) every character stands for the whole original word.
   */
  private record Edit(int start, int end, String replacement, boolean aligned) {
  }

  private static TextNormaliser.Folded apply(TextNormaliser.Folded folded, List<Edit> edits) {
    String text = folded.text();
    FoldBuffer out = new FoldBuffer(text.length() + 8);
    int at = 0;
    for (Edit e : edits) {
      for (; at < e.start(); at++) {
        out.append(text.charAt(at), folded.origin()[at], folded.originEnd()[at]);
      }
      int wordStart = folded.origin()[e.start()];
      int wordEnd = folded.originEnd()[e.end() - 1];
      int source = e.start();
      for (int k = 0; k < e.replacement().length(); k++) {
        char c = e.replacement().charAt(k);
        if (!e.aligned()) {
          out.append(c, wordStart, wordEnd);
          continue;
        }
        while (source < e.end() && text.charAt(source) == ' ') {
          source++; // a space the join removed
        }
        if (c == ' ') {
          int left = Math.max(e.start(), source - 1);
          out.append(c, folded.origin()[left], folded.originEnd()[left]);
        } else {
          out.append(c, folded.origin()[source], folded.originEnd()[source]);
          source++;
        }
      }
      at = e.end();
    }
    for (; at < text.length(); at++) {
      out.append(text.charAt(at), folded.origin()[at], folded.originEnd()[at]);
    }
    return out.toFolded();
  }
}
