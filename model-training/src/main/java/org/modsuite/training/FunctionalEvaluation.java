package org.modsuite.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.modsuite.events.Decision;
import org.modsuite.moderation.service.FusedScorer;
import org.modsuite.moderation.service.HateClassifier;
import org.modsuite.moderation.service.Lexicon;
import org.modsuite.moderation.service.LexiconAnalyser;
import org.modsuite.moderation.service.Policy;
import org.modsuite.moderation.service.rules.RuleSets;

/**
 * Scores the project's functional test suite (model-training/functional, see its README) the way moderation-service
 * does — CoreNLP rules, classifier lowered by the rules' shields, fused hate score = max of both — and prints the accuracy per phenomenon and language.
 * A case counts as flagged when the fused score reaches {@link Evaluation#THRESHOLD}, and in the policy columns when
 * the shipped policy reviews or removes it. Evaluation only: the suite
 * must never be used to train, tune thresholds or write rules.
 *
 * <p>Usage: {@code FunctionalEvaluation [cases file]} (default {@code model-training/functional/cases.jsonl};
 * scripts/evaluate-functional passes it).
 */
public final class FunctionalEvaluation {

  static final List<String> LANGUAGES = TrainClassifier.RULE_LANGUAGES;

  record Case(String id, String language, String phenomenon, boolean hateful, String text) {
  }

  /** Cases of one cell, and how many were right, missed (hate not flagged) and falsely flagged. */
  private static final class Tally {
    int n;
    int hateful;
    int correct;
    int missed;
    int falseFlags;

    void add(boolean truth, boolean flagged) {
      n++;
      hateful += truth ? 1 : 0;
      correct += truth == flagged ? 1 : 0;
      missed += truth && !flagged ? 1 : 0;
      falseFlags += !truth && flagged ? 1 : 0;
    }

    double accuracy() {
      return n == 0 ? 0 : (double) correct / n;
    }
  }

  private FunctionalEvaluation() {
  }

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "model-training/functional/cases.jsonl");
    List<Case> cases = read(file);
    FusedScorer scorer = new FusedScorer(new LexiconAnalyser(Lexicon.load()), HateClassifier.load(LANGUAGES), LANGUAGES,
        RuleSets.bundledEngine(LANGUAGES));

    // phenomenon -> language -> tally, in the order the file first names them
    Map<String, Map<String, Tally>> cells = new LinkedHashMap<>();
    Map<String, Tally> overall = new LinkedHashMap<>();
    // the same, flagged when the policy reviews or removes the post (any category, its thresholds per language)
    Map<String, Map<String, Tally>> policyCells = new LinkedHashMap<>();
    Map<String, Tally> policyOverall = new LinkedHashMap<>();
    LANGUAGES.forEach(l -> overall.put(l, new Tally()));
    LANGUAGES.forEach(l -> policyOverall.put(l, new Tally()));
    Policy policy = Policy.load(Optional.empty());
    for (Case c : cases) {
      FusedScorer.Scores scored = scorer.score(c.text(), c.language());
      boolean flagged = scored.scores().get("hate") >= Evaluation.THRESHOLD;
      cells.computeIfAbsent(c.phenomenon(), p -> new LinkedHashMap<>()).computeIfAbsent(c.language(), l -> new Tally()).add(c.hateful(), flagged);
      overall.get(c.language()).add(c.hateful(), flagged);
      boolean decided = policy.decide(scored.ruleScores(), scored.scores(), c.language()) != Decision.ALLOW;
      policyCells.computeIfAbsent(c.phenomenon(), p -> new LinkedHashMap<>()).computeIfAbsent(c.language(), l -> new Tally()).add(c.hateful(), decided);
      policyOverall.get(c.language()).add(c.hateful(), decided);
    }

    System.out.printf(Locale.ROOT, "functional suite %s: %d cases, model %s, rules %s, flagged at fused hate >= %.2f%n", file, cases.size(),
        scorer.modelVersion(), LANGUAGES.stream().map(scorer::rulesVersion).toList(), Evaluation.THRESHOLD);
    System.out.printf(Locale.ROOT, "policy columns: flagged when policy %s reviews or removes the post%n", policy.version());
    System.out.printf(Locale.ROOT, "%n%-22s %-4s %4s %7s %8s %7s %10s %9s %7s %10s%n", "phenomenon", "lang", "n", "hateful", "accuracy", "missed",
        "falseFlags", "policyAcc", "missed", "falseFlags");
    for (Map.Entry<String, Map<String, Tally>> phenomenon : cells.entrySet()) {
      for (String language : LANGUAGES) {
        Tally t = phenomenon.getValue().get(language);
        if (t != null) {
          row(phenomenon.getKey(), language, t, policyCells.get(phenomenon.getKey()).get(language));
        }
      }
    }
    System.out.println();
    overall.forEach((language, t) -> row("overall", language, t, policyOverall.get(language)));
  }

  /** One JSON object per line; rejects unknown languages, missing fields and duplicate ids. */
  static List<Case> read(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Case> cases = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode node = json.readTree(line);
      for (String field : List.of("id", "language", "phenomenon", "hateful", "text")) {
        if (!node.hasNonNull(field)) {
          throw new IllegalArgumentException(file + " line " + lineNo + ": no " + field);
        }
      }
      if (!node.get("hateful").isBoolean()) {
        throw new IllegalArgumentException(file + " line " + lineNo + ": hateful is not true or false");
      }
      Case c = new Case(node.get("id").asText(), node.get("language").asText(), node.get("phenomenon").asText(), node.get("hateful").asBoolean(),
          node.get("text").asText());
      if (!LANGUAGES.contains(c.language())) {
        throw new IllegalArgumentException(file + " line " + lineNo + ": language " + c.language() + " is not one of " + LANGUAGES);
      }
      if (!ids.add(c.id())) {
        throw new IllegalArgumentException(file + " line " + lineNo + ": duplicate id " + c.id());
      }
      cases.add(c);
    }
    return cases;
  }

  private static void row(String phenomenon, String language, Tally t, Tally byPolicy) {
    System.out.printf(Locale.ROOT, "%-22s %-4s %4d %7d %8.3f %7d %10d %9.3f %7d %10d%n", phenomenon, language, t.n, t.hateful, t.accuracy(), t.missed,
        t.falseFlags, byPolicy.accuracy(), byPolicy.missed, byPolicy.falseFlags);
  }
}
