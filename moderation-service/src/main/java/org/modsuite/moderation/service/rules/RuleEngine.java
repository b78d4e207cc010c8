package org.modsuite.moderation.service.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.BitSet;
import java.util.concurrent.ConcurrentHashMap;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.CoreMap;

/**
 * Runs a language's rules over a folded post as a cascade: the cheap stage tokenises and matches the token rules;
 * the deep stage tags, lemmatises and parses only the sentences in which a deep rule may match (it has the words the rule
 * needs) and matches the deep rules in them. Rule sets can be replaced at run time
 * ({@link #install}); an analysis uses the set that was current when it started.
 */
public final class RuleEngine {

  private final NlpPipelines pipelines;
  private final Map<String, CompiledRuleSet> ruleSets = new ConcurrentHashMap<>();

  public RuleEngine(NlpPipelines pipelines) {
    this.pipelines = pipelines;
  }

  /** Makes {@code ruleSet} the current rules of its language. */
  public void install(CompiledRuleSet ruleSet) {
    ruleSets.put(ruleSet.ruleSet().language(), ruleSet);
  }

  public CompiledRuleSet current(String language) {
    return ruleSets.get(language);
  }

  public boolean supports(String language) {
    return language != null && ruleSets.containsKey(language) && pipelines.supports(language);
  }

  /** The matches of {@code language}'s current rules in {@code foldedText}; none for a language without rules. */
  public Matches match(String foldedText, String language) {
    CompiledRuleSet rules = supports(language) ? ruleSets.get(language) : null;
    return rules == null ? new Matches(null, List.of(), 0) : match(foldedText, language, rules);
  }

  /** The matches of the given rules, current or not (used to check a rule set's examples before installing it). */
  public Matches match(String foldedText, String language, CompiledRuleSet rules) {
    Annotation annotation = pipelines.tokenise(foldedText, language);
    List<CoreMap> sentences = annotation.get(CoreAnnotations.SentencesAnnotation.class);
    List<BitSet> present = sentences.stream().map(rules::triggersIn).toList();
    List<RuleHit> hits = new ArrayList<>(rules.matchCheap(sentences, present));
    List<Integer> deep = new ArrayList<>();
    for (int s = 0; rules.hasDeepRules() && s < sentences.size(); s++) {
      int index = s;
      boolean found = hits.stream().anyMatch(h -> h.sentence() == index && !h.rule().kind().equals(Rule.SHIELD));
      if (rules.needsDeep(present.get(s), found)) {
        deep.add(s);
      }
    }
    if (!deep.isEmpty()) {
      // Only the sentences a deep rule may match in are tagged and parsed: parsing is most of the cost.
      List<CoreMap> selected = deep.stream().map(sentences::get).toList();
      Annotation part = new Annotation(foldedText);
      part.set(CoreAnnotations.SentencesAnnotation.class, selected);
      part.set(CoreAnnotations.TokensAnnotation.class,
          selected.stream().flatMap(s -> s.get(CoreAnnotations.TokensAnnotation.class).stream()).toList());
      pipelines.deepen(part, language);
      hits.addAll(rules.matchDeep(sentences, deep));
    }
    return new Matches(rules.ruleSet(), List.copyOf(hits), deep.size());
  }

  /**
   * @param ruleSet the rules that were matched (null: the language has none)
   * @param deepSentences how many sentences the deep stage tagged and parsed
   */
  public record Matches(RuleSet ruleSet, List<RuleHit> hits, int deepSentences) {
  }
}
