package org.modsuite.moderation.service.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.TokenSequenceMatcher;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.semgrex.SemgrexMatcher;
import edu.stanford.nlp.semgraph.semgrex.SemgrexPattern;
import edu.stanford.nlp.util.CoreMap;
import org.modsuite.events.AnalysisEvent;

/**
 * A {@link RuleSet} compiled: lexicons bound as TokensRegex variables (and expanded into Semgrex node regexes), each
 * rule's pattern compiled. Compilation problems are collected per rule, so that one bad rule names itself.
 * Immutable and thread-safe once built.
 */
public final class CompiledRuleSet {

  private static final Pattern VARIABLE = Pattern.compile("\\$([A-Z][A-Z0-9_]*)");

  private final RuleSet ruleSet;
  private final List<Compiled> cheap = new ArrayList<>();
  private final List<Compiled> deep = new ArrayList<>();
  /** Per lexicon, a regex over one token's word: its single words, and the {@link #keyWord} of its phrases. */
  private final Map<String, String> lexiconWords = new HashMap<>();
  private final TriggerIndex triggers = new TriggerIndex();

  private CompiledRuleSet(RuleSet ruleSet) {
    this.ruleSet = ruleSet;
  }

  /** @throws RuleSetException naming every rule or lexicon that does not compile */
  public static CompiledRuleSet compile(RuleSet ruleSet) {
    CompiledRuleSet compiled = new CompiledRuleSet(ruleSet);
    List<String> problems = new ArrayList<>();
    Env env = TokenSequencePattern.getNewEnv();
    Map<String, List<String>> lexicons = Contractions.expand(ruleSet.lexicons(), ruleSet.language());
    for (Map.Entry<String, List<String>> lexicon : lexicons.entrySet()) {
      if (!lexicon.getKey().matches("[A-Z][A-Z0-9_]*")) {
        problems.add("lexicon " + lexicon.getKey() + ": a name is upper case letters, digits and _");
        continue;
      }
      if (lexicon.getValue().isEmpty()) {
        problems.add("lexicon " + lexicon.getKey() + ": has no entries");
        continue;
      }
      try { // an entry that is not a valid regex names its lexicon
        String words = lexicon.getValue().stream().map(CompiledRuleSet::keyWord).distinct().collect(Collectors.joining("|"));
        Pattern.compile(words);
        compiled.lexiconWords.put(lexicon.getKey(), words);
        env.bind("$" + lexicon.getKey(), TokenSequencePattern.compile(env, tokensRegexOf(lexicon.getValue())));
      } catch (RuntimeException e) {
        problems.add("lexicon " + lexicon.getKey() + ": " + firstLine(e));
      }
    }
    for (Rule rule : ruleSet.rules()) {
      String problem = check(rule, ruleSet);
      if (problem != null) {
        problems.add("rule " + rule.id() + ": " + problem);
        continue;
      }
      try {
        Compiled c = switch (rule.engine()) {
          case Rule.TOKENSREGEX -> new Compiled(rule, TokenSequencePattern.compile(env, rule.pattern()), null,
              compiled.triggerSets(TokenTriggers.of(rule.pattern(), compiled.lexiconWords)));
          default -> new Compiled(rule, null, SemgrexPattern.compile(semgrexOf(rule.pattern(), lexicons)),
              compiled.triggerSets(semgrexTriggers(rule.pattern(), compiled.lexiconWords)));
        };
        (rule.deep() ? compiled.deep : compiled.cheap).add(c);
      } catch (RuntimeException | Error e) { // the TokensRegex parser reports syntax errors as TokenMgrError
        problems.add("rule " + rule.id() + ": does not compile: " + firstLine(e));
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleSetException(problems);
    }
    return compiled;
  }

  public RuleSet ruleSet() {
    return ruleSet;
  }

  /** Whether some rule needs the deep stage. */
  public boolean hasDeepRules() {
    return !deep.isEmpty();
  }

  /** The rules' trigger words (lexicons by their words, phrases by their key word) the sentence has: what decides which rules run. */
  public BitSet triggersIn(CoreMap sentence) {
    return triggers.present(sentence);
  }

  /**
   * Matches of the rules that need only tokens. A rule runs only in sentences that have the words some match of it
   * needs ({@link TokenTriggers}): most posts name no protected group, and most rules need one.
   *
   * @param present per sentence, {@link #triggersIn} it
   */
  public List<RuleHit> matchCheap(List<CoreMap> sentences, List<BitSet> present) {
    List<RuleHit> hits = new ArrayList<>();
    for (int s = 0; s < sentences.size(); s++) {
      BitSet here = present.get(s);
      hits.addAll(match(sentences, List.of(s), cheap.stream().filter(c -> c.mayMatch(here)).toList()));
    }
    return hits;
  }

  /** The cheap rules' matches with every rule run in every sentence: what {@link #matchCheap} must equal. For tests. */
  List<RuleHit> matchCheapUntriggered(List<CoreMap> sentences) {
    List<RuleHit> hits = new ArrayList<>();
    for (int s = 0; s < sentences.size(); s++) {
      hits.addAll(match(sentences, List.of(s), cheap));
    }
    return hits;
  }

  /**
   * Whether a deep rule may match in a sentence with these triggers. A deep rule that needs none may match wherever
   * the cheap rules found a group or an attack.
   */
  public boolean needsDeep(BitSet present, boolean cheapFoundSomething) {
    return deep.stream().anyMatch(c -> c.triggers.isEmpty() ? cheapFoundSomething : c.mayMatch(present));
  }

  /** Matches of the deep rules in the given sentences (by index), which must have been tagged and parsed. */
  public List<RuleHit> matchDeep(List<CoreMap> sentences, List<Integer> indices) {
    return match(sentences, indices, deep);
  }

  private static List<RuleHit> match(List<CoreMap> sentences, List<Integer> indices, List<Compiled> rules) {
    List<RuleHit> hits = new ArrayList<>();
    for (int s : indices) {
      CoreMap sentence = sentences.get(s);
      List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
      for (Compiled c : rules) {
        if (c.tokens != null) {
          TokenSequenceMatcher m = c.tokens.getMatcher(tokens);
          while (m.find()) {
            if (m.end() > m.start()) {
              hits.add(new RuleHit(c.rule, s, tokens.get(m.start()).beginPosition(), tokens.get(m.end() - 1).endPosition()));
            }
          }
        } else {
          SemanticGraph graph = sentence.get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
          if (graph == null) {
            continue;
          }
          SemgrexMatcher m = c.graph.matcher(graph);
          while (m.find()) {
            int start = m.getMatch().beginPosition();
            int end = m.getMatch().endPosition();
            for (String name : m.getNodeNames()) {
              IndexedWord node = m.getNode(name);
              start = Math.min(start, node.beginPosition());
              end = Math.max(end, node.endPosition());
            }
            hits.add(new RuleHit(c.rule, s, start, end));
          }
        }
      }
    }
    return hits;
  }

  private static String check(Rule rule, RuleSet ruleSet) {
    if (rule.id() == null || !rule.id().startsWith(ruleSet.language() + ".")) {
      return "the id must start with the language, " + ruleSet.language() + ".";
    }
    if (!List.of(Rule.TARGET, Rule.ATTACK, Rule.SHIELD).contains(rule.kind())) {
      return "kind must be target, attack or shield";
    }
    if (!List.of(Rule.TOKENSREGEX, Rule.SEMGREX).contains(rule.engine())) {
      return "engine must be tokensregex or semgrex";
    }
    if (!List.of(Rule.ACTIVE, Rule.SHADOW).contains(rule.state())) {
      return "state must be active or shadow";
    }
    if (rule.kind().equals(Rule.ATTACK) && !AnalysisEvent.CATEGORIES.contains(rule.category())) {
      return "an attack's category must be one of " + AnalysisEvent.CATEGORIES;
    }
    if (rule.kind().equals(Rule.SHIELD) && !List.of("span", "sentence", "post").contains(rule.scope())) {
      return "a shield's scope must be span, sentence or post";
    }
    if (rule.weight() < 0 || rule.weight() > 1) {
      return "weight must be between 0 and 1";
    }
    if (rule.description() == null || rule.description().isBlank() || rule.pattern() == null || rule.pattern().isBlank()) {
      return "description and pattern are required";
    }
    if (rule.examples().match().isEmpty()) {
      return "needs at least one example it must match";
    }
    var unknown = VARIABLE.matcher(rule.pattern()).results().map(r -> r.group(1)).filter(n -> !ruleSet.lexicons().containsKey(n)).toList();
    return unknown.isEmpty() ? null : "unknown lexicon " + unknown;
  }

  /** A Semgrex pattern without alternation needs a word of each lexicon it names; one with alternation, nothing known. */
  private static Optional<List<Set<String>>> semgrexTriggers(String pattern, Map<String, String> lexiconWords) {
    if (!conjunctive(pattern)) {
      return Optional.empty();
    }
    Set<String> needed = VARIABLE.matcher(pattern).results().map(r -> lexiconWords.get(r.group(1))).collect(Collectors.toSet());
    return needed.isEmpty() ? Optional.empty() : Optional.of(List.of(needed));
  }

  /** Trigger regexes as sets of trigger numbers; empty: the rule always runs. */
  private List<BitSet> triggerSets(Optional<List<Set<String>>> alternatives) {
    return alternatives.orElse(List.of()).stream().map(regexes -> {
      BitSet set = new BitSet();
      regexes.forEach(regex -> set.set(triggers.id(regex)));
      return set;
    }).toList();
  }

  /**
   * Whether every match of a Semgrex pattern needs all the lexicons it names: true when it has no alternation, negated
   * or optional relation outside its regex literals and node attributes. Only then may a sentence without a word of
   * each lexicon be skipped. (TokensRegex patterns are read more closely, by {@link TokenTriggers}.)
   */
  static boolean conjunctive(String pattern) {
    String outside = pattern.replaceAll("/(\\\\.|[^/\\\\])*/", "").replaceAll("\\{[^}]*}", "");
    return !outside.contains("|") && !outside.contains("!") && !outside.contains("?");
  }

  /**
   * The word of a lexicon entry that stands for it in trigger sets: the one with the longest literal prefix, since a
   * phrase matches only where all its words are, and its longest word is the rarest as a rule of thumb ("an die wand"
   * counts by "wand", not by "an", which nearly every German sentence has).
   */
  static String keyWord(String entry) {
    String key = "";
    for (String word : entry.trim().split("\\s+")) {
      if (key.isEmpty() || TriggerIndex.literalPrefix(word).length() > TriggerIndex.literalPrefix(key).length()) {
        key = word;
      }
    }
    return key;
  }

  /** A lexicon as one TokensRegex expression: single words as one token regex, phrases as token sequences. */
  static String tokensRegexOf(List<String> entries) {
    // A slash ends a TokensRegex regex literal: entries such as 14/88 have it escaped.
    entries = entries.stream().map(e -> e.replace("/", "\\/")).toList();
    List<String> words = entries.stream().filter(e -> !e.contains(" ")).toList();
    List<String> parts = new ArrayList<>();
    if (!words.isEmpty()) {
      parts.add("/" + String.join("|", words) + "/");
    }
    entries.stream().filter(e -> e.contains(" "))
        .map(e -> "(" + Arrays.stream(e.trim().split("\\s+")).map(w -> "/" + w + "/").collect(Collectors.joining(" ")) + ")")
        .forEach(parts::add);
    return "(?: " + String.join(" | ", parts) + " )";
  }

  /** Semgrex has no variables: {@code $NAME} becomes a regex of the lexicon's single words. */
  static String semgrexOf(String pattern, Map<String, List<String>> lexicons) {
    return VARIABLE.matcher(pattern).replaceAll(r -> Matcher.quoteReplacement(
        "/" + lexicons.get(r.group(1)).stream().filter(e -> !e.contains(" ")).collect(Collectors.joining("|")) + "/"));
  }

  private static String firstLine(Throwable e) {
    String message = String.valueOf(e.getMessage());
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /** @param triggers alternatives of trigger sets, one of which a sentence needs for a match (empty: unknown, the rule always runs) */
  private record Compiled(Rule rule, TokenSequencePattern tokens, SemgrexPattern graph, List<BitSet> triggers) {

    boolean mayMatch(BitSet present) {
      if (triggers.isEmpty()) {
        return true;
      }
      for (BitSet needed : triggers) {
        int missing = needed.nextSetBit(0);
        while (missing >= 0 && present.get(missing)) {
          missing = needed.nextSetBit(missing + 1);
        }
        if (missing < 0) {
          return true;
        }
      }
      return false;
    }
  }
}
