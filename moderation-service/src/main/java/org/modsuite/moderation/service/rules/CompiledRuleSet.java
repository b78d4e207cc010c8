package org.modsuite.moderation.service.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
  /** Per lexicon, a regex over one token's word: its single words, and the first word of its phrases. */
  private final Map<String, Pattern> lexiconWords = new HashMap<>();

  private CompiledRuleSet(RuleSet ruleSet) {
    this.ruleSet = ruleSet;
  }

  /** @throws RuleSetException naming every rule or lexicon that does not compile */
  public static CompiledRuleSet compile(RuleSet ruleSet) {
    CompiledRuleSet compiled = new CompiledRuleSet(ruleSet);
    List<String> problems = new ArrayList<>();
    Env env = TokenSequencePattern.getNewEnv();
    for (Map.Entry<String, List<String>> lexicon : ruleSet.lexicons().entrySet()) {
      if (!lexicon.getKey().matches("[A-Z][A-Z0-9_]*")) {
        problems.add("lexicon " + lexicon.getKey() + ": a name is upper case letters, digits and _");
        continue;
      }
      if (lexicon.getValue().isEmpty()) {
        problems.add("lexicon " + lexicon.getKey() + ": has no entries");
        continue;
      }
      try { // an entry that is not a valid regex names its lexicon
        compiled.lexiconWords.put(lexicon.getKey(), Pattern.compile(lexicon.getValue().stream()
            .map(e -> e.trim().split("\\s+")[0]).collect(Collectors.joining("|"))));
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
        Set<String> lexicons = rule.engine().equals(Rule.TOKENSREGEX) ? requiredLexicons(rule.pattern())
            : conjunctive(rule.pattern()) ? VARIABLE.matcher(rule.pattern()).results().map(r -> r.group(1)).collect(Collectors.toSet())
            : Set.of();
        Compiled c = switch (rule.engine()) {
          case Rule.TOKENSREGEX -> new Compiled(rule, TokenSequencePattern.compile(env, rule.pattern()), null, lexicons);
          default -> new Compiled(rule, null, SemgrexPattern.compile(semgrexOf(rule.pattern(), ruleSet.lexicons())), lexicons);
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

  /** The lexicons of which the sentence has a word (phrases by their first word): what decides which rules run. */
  public Set<String> lexiconsIn(CoreMap sentence) {
    Set<String> present = new HashSet<>();
    for (CoreLabel token : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
      lexiconWords.forEach((name, words) -> {
        if (!present.contains(name) && words.matcher(token.word()).matches()) {
          present.add(name);
        }
      });
    }
    return present;
  }

  /**
   * Matches of the rules that need only tokens. A rule whose every match needs a word of each lexicon it names is
   * skipped in sentences without one: most posts name no protected group, and most rules need one.
   *
   * @param present per sentence, {@link #lexiconsIn} it
   */
  public List<RuleHit> matchCheap(List<CoreMap> sentences, List<Set<String>> present) {
    List<RuleHit> hits = new ArrayList<>();
    for (int s = 0; s < sentences.size(); s++) {
      Set<String> here = present.get(s);
      hits.addAll(match(sentences, List.of(s), cheap.stream().filter(c -> here.containsAll(c.lexicons)).toList()));
    }
    return hits;
  }

  /**
   * Whether a deep rule may match in a sentence with these lexicons: some deep rule finds a word of every lexicon it
   * needs. A deep rule that needs none may match wherever the cheap rules found a group or an attack.
   */
  public boolean needsDeep(Set<String> present, boolean cheapFoundSomething) {
    return deep.stream().anyMatch(c -> c.lexicons.isEmpty() ? cheapFoundSomething : present.containsAll(c.lexicons));
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

  /**
   * Whether every match of a Semgrex pattern needs all the lexicons it names: true when it has no alternation, negated
   * or optional relation outside its regex literals and node attributes. Only then may a sentence without a word of
   * each lexicon be skipped. (TokensRegex patterns are read more closely, by {@link #requiredLexicons}.)
   */
  static boolean conjunctive(String pattern) {
    String outside = pattern.replaceAll("/(\\\\.|[^/\\\\])*/", "").replaceAll("\\{[^}]*}", "");
    return !outside.contains("|") && !outside.contains("!") && !outside.contains("?");
  }

  /**
   * The lexicons every match of a TokensRegex pattern needs a word of: each {@code $NAME} that is not made optional
   * ({@code ?}, {@code *}, <code>{0,n}</code>, {@code !}) and, inside alternatives, is named by every alternative.
   * {@code $GROUP []{0,4} (/sollten/ | $VIOLENCE)} needs GROUP; {@code $A /x/ | $A $} needs A. Leaving a lexicon out
   * is always safe (the rule runs in more sentences); naming one that a match can do without would lose matches, so
   * anything not understood names none.
   */
  static Set<String> requiredLexicons(String pattern) {
    // Regex literals and token brackets may hold | ( ) ? and $: they become one placeholder token each.
    String p = pattern.replaceAll("/(\\\\.|[^/\\\\])*/", " T ").replaceAll("\\[[^\\]]*]", " T ");
    Deque<List<Set<String>>> groups = new ArrayDeque<>(); // per open group, the lexicons of each of its alternatives
    groups.push(new ArrayList<>(List.of(new HashSet<>())));
    int i = 0;
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '(') {
        groups.push(new ArrayList<>(List.of(new HashSet<>())));
        i++;
      } else if (c == ')') {
        if (groups.size() < 2) {
          return Set.of();
        }
        Set<String> inner = common(groups.pop());
        i++;
        if (!optional(p, i) && !negated(p, i - 1)) {
          last(groups.peek()).addAll(inner);
        }
      } else if (c == '|') {
        groups.peek().add(new HashSet<>());
        i++;
      } else if (c == '$' && i + 1 < p.length() && Character.isUpperCase(p.charAt(i + 1))) {
        int end = i + 1;
        while (end < p.length() && (Character.isUpperCase(p.charAt(end)) || Character.isDigit(p.charAt(end)) || p.charAt(end) == '_')) {
          end++;
        }
        if (!optional(p, end) && !(i > 0 && p.charAt(i - 1) == '!')) {
          last(groups.peek()).add(p.substring(i + 1, end));
        }
        i = end;
      } else {
        i++;
      }
    }
    return groups.size() == 1 ? Set.copyOf(common(groups.pop())) : Set.of();
  }

  /** The lexicons every alternative names. */
  private static Set<String> common(List<Set<String>> alternatives) {
    Set<String> common = new HashSet<>(alternatives.get(0));
    alternatives.forEach(common::retainAll);
    return common;
  }

  private static Set<String> last(List<Set<String>> alternatives) {
    return alternatives.get(alternatives.size() - 1);
  }

  /** Whether a quantifier at {@code at} lets the element before it match nothing. */
  private static boolean optional(String p, int at) {
    return at < p.length() && (p.charAt(at) == '?' || p.charAt(at) == '*' || p.startsWith("{0", at));
  }

  /** Whether the group closing at {@code close} is negated ({@code !( … )}): finds its opening parenthesis. */
  private static boolean negated(String p, int close) {
    int depth = 0;
    for (int j = close; j >= 0; j--) {
      depth += p.charAt(j) == ')' ? 1 : p.charAt(j) == '(' ? -1 : 0;
      if (depth == 0) {
        return j > 0 && p.charAt(j - 1) == '!';
      }
    }
    return true;
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

  /** @param lexicons the lexicons every match needs a word of (empty: unknown, the rule always runs) */
  private record Compiled(Rule rule, TokenSequencePattern tokens, SemgrexPattern graph, Set<String> lexicons) {
  }
}
