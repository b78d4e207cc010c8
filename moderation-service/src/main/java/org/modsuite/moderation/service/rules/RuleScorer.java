package org.modsuite.moderation.service.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

import org.modsuite.events.AnalysisEvent;
import org.modsuite.events.Reason;
import org.modsuite.events.Span;

/**
 * Turns rule matches into category scores. An attack scores its weight, lowered when the post names no protected
 * group (unless the rule names one itself) and by every shield that covers it: a span shield when it overlaps the
 * attack, a sentence shield in the same sentence, a post shield anywhere. Of several shields of one phenomenon the
 * strongest counts; different phenomena multiply. Shadow rules are reported, never scored.
 */
public final class RuleScorer {

  private RuleScorer() {
  }

  /**
   * @param scores per category, 0..1; {@code hate} is the highest of its own rules and of every category but insult
   * @param reasons one per active attack rule that scored, and one per active shield that lowered something
   * @param classifierFactor the square root of the product of the shields' factors (the strongest per phenomenon; 1
   *     when none fired): the classifier sees the words of quoted or reported hate too, and is lowered by the same
   *     shields
   * @param fired every match, shadow ones included, for {@code explain} and shadow reports
   */
  public record Scored(Map<String, Double> scores, List<Reason> reasons, double classifierFactor, List<Fired> fired) {
  }

  /** One rule that matched, with its effect. {@code score} is null for targets and shields. */
  public record Fired(String id, String kind, String category, boolean shadow, Double score, List<String> loweredBy, List<Span> spans) {
  }

  /** @param toOriginal maps a folded offset to the original text's ({@code end} exclusive handled by the caller) */
  public static Scored score(RuleEngine.Matches matches, IntUnaryOperator originalStart, IntUnaryOperator originalEnd) {
    Map<String, Double> scores = new LinkedHashMap<>();
    AnalysisEvent.CATEGORIES.forEach(c -> scores.put(c, 0.0));
    if (matches.ruleSet() == null) {
      return new Scored(scores, List.of(), 1.0, List.of());
    }
    List<RuleHit> active = matches.hits().stream().filter(h -> !h.rule().shadow()).toList();
    boolean hasTarget = active.stream().anyMatch(h -> h.rule().kind().equals(Rule.TARGET));
    List<RuleHit> shields = active.stream().filter(h -> h.rule().kind().equals(Rule.SHIELD)).toList();
    Map<String, Reason> reasons = new LinkedHashMap<>();
    List<Fired> fired = new ArrayList<>();
    for (RuleHit hit : matches.hits()) {
      Span span = new Span(originalStart.applyAsInt(hit.start()), originalEnd.applyAsInt(hit.end()));
      Rule rule = hit.rule();
      if (!rule.kind().equals(Rule.ATTACK)) {
        fired.add(new Fired(rule.id(), rule.kind(), rule.category(), rule.shadow(), null, List.of(), List.of(span)));
        continue;
      }
      double score = rule.weight();
      List<String> why = new ArrayList<>();
      if (!rule.targeted() && !hasTarget) {
        score *= matches.ruleSet().noTargetFactor();
        why.add("no protected group named");
      }
      Map<String, RuleHit> strongest = new TreeMap<>(); // phenomenon → its lowest factor covering this hit
      for (RuleHit shield : shields) {
        if (covers(shield, hit)) {
          strongest.merge(shield.rule().category(), shield, (a, b) -> a.rule().weight() <= b.rule().weight() ? a : b);
        }
      }
      for (RuleHit shield : strongest.values()) {
        score *= shield.rule().weight();
        why.add(shield.rule().category() + " (" + shield.rule().id() + ")");
      }
      score = round(score);
      fired.add(new Fired(rule.id(), rule.kind(), rule.category(), rule.shadow(), score, List.copyOf(why), List.of(span)));
      if (rule.shadow()) {
        continue;
      }
      scores.merge(rule.category(), score, Math::max);
      String description = why.isEmpty() ? rule.description() : rule.description() + " — lowered: " + String.join(", ", why);
      reasons.merge(rule.id(), new Reason("rule", rule.id(), rule.category(), description, List.of(span), score), RuleScorer::merge);
    }
    Map<String, Double> strongestPerPhenomenon = new TreeMap<>();
    for (RuleHit shield : shields) {
      strongestPerPhenomenon.merge(shield.rule().category(), shield.rule().weight(), Math::min);
      Span span = new Span(originalStart.applyAsInt(shield.start()), originalEnd.applyAsInt(shield.end()));
      reasons.merge(shield.rule().id(), new Reason("rule", shield.rule().id(), null,
          "not flagged as attack: " + shield.rule().category() + " — " + shield.rule().description(), List.of(span), shield.rule().weight()),
          RuleScorer::merge);
    }
    // The classifier is lowered like an attack covered by every shield, but milder: by the square root, which did
    // better than the plain product on every dev split.
    double classifierFactor = Math.sqrt(strongestPerPhenomenon.values().stream().reduce(1.0, (a, b) -> a * b));
    // hate: its own rules (slurs, coded terms) and every attack category but insult — an insult alone goes to review
    // under its own thresholds, never to removal through hate.
    scores.put("hate", Math.max(scores.get("hate"), scores.entrySet().stream().filter(e -> !e.getKey().equals("insult"))
        .mapToDouble(Map.Entry::getValue).max().orElse(0)));
    return new Scored(scores, List.copyOf(reasons.values()), classifierFactor, List.copyOf(fired));
  }

  private static boolean covers(RuleHit shield, RuleHit attack) {
    return switch (shield.rule().scope()) {
      case "span" -> shield.overlaps(attack);
      case "sentence" -> shield.sentence() == attack.sentence();
      default -> true;
    };
  }

  private static Reason merge(Reason a, Reason b) {
    List<Span> spans = new ArrayList<>(a.spans());
    spans.addAll(b.spans());
    return new Reason(a.kind(), a.id(), a.category(), a.description(), spans, Math.max(a.weight(), b.weight()));
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
