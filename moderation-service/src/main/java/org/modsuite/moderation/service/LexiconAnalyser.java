package org.modsuite.moderation.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.modsuite.events.AnalysisEvent;
import org.modsuite.events.Reason;
import org.modsuite.events.Span;

/**
 * The first analyser: a normalised lexicon match. An attack term (dehumanisation, threat, incitement, insult)
 * scores its weight when the post also names a protected group; without a group, or when the term is negated,
 * quoted, or the post condemns or reports, the score is lowered. It knows no grammar: it cannot tell who is
 * attacked, and misses everything not in the lexicon. {@link FusedScorer} combines it with the trained classifier;
 * the moderation-engine issue adds CoreNLP rules.
 */
public final class LexiconAnalyser {

  // Hateful posts often say "they" or "these people"; an attack without a named group still goes to review when it is strong.
  static final double NO_TARGET = 0.6;
  static final double NEGATED = 0.3;
  static final double COUNTER_CONTEXT = 0.4;
  static final double QUOTED = 0.4;
  private static final int NEGATION_WINDOW = 24;
  /** The kind of a slur of the languages' own lexicons: it scores in the category {@code hate}. */
  static final String SLUR = "slur";

  private final Lexicon lexicon;

  public LexiconAnalyser(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  public String rulesVersion() {
    return lexicon.version();
  }

  /** Per-category scores (0..1) and the reasons behind them; {@code language} picks the terms (null: all languages). */
  public Scored score(String text, String language) {
    return score(TextNormaliser.fold(text), language);
  }

  /** The same, for a text already folded (spans are mapped back through {@code folded}). */
  public Scored score(TextNormaliser.Folded folded, String language) {
    List<Hit> hits = new ArrayList<>();
    for (Lexicon.Entry entry : lexicon.entries()) {
      if (!entry.appliesTo(language)) {
        continue;
      }
      Matcher m = entry.pattern().matcher(folded.text());
      while (m.find()) {
        hits.add(new Hit(entry, m.start(), m.end()));
      }
    }
    boolean hasTarget = hits.stream().anyMatch(h -> h.entry.kind().equals("target"));
    boolean counterContext = hits.stream().anyMatch(h -> h.entry.kind().equals("context"));
    Map<String, Double> scores = new LinkedHashMap<>();
    AnalysisEvent.CATEGORIES.forEach(c -> scores.put(c, 0.0));
    Map<String, Reason> reasons = new LinkedHashMap<>();
    Map<String, Fired> fired = new LinkedHashMap<>();
    for (Hit hit : hits) {
      String kind = hit.entry.kind().equals(SLUR) ? "hate" : hit.entry.kind(); // a slur scores as hate itself
      Span hitSpan = new Span(folded.originalStart(hit.start), folded.originalEnd(hit.end));
      if (!scores.containsKey(kind)) {
        fired.merge(hit.entry.id(), new Fired(hit.entry.id(), kind, null, hit.entry.weight(), null, List.of(), List.of(hitSpan)), Fired::merge);
        continue;
      }
      double score = hit.entry.weight();
      List<String> why = new ArrayList<>();
      if (!hasTarget) {
        score *= NO_TARGET;
        why.add("no protected group named");
      }
      if (negated(hits, hit)) {
        score *= NEGATED;
        why.add("negated");
      }
      if (counterContext) {
        score *= COUNTER_CONTEXT;
        why.add("condemning or reporting context");
      }
      if (quoted(folded.text(), hit)) {
        score *= QUOTED;
        why.add("quoted");
      }
      scores.merge(kind, score, Math::max);
      reasons.merge(hit.entry.id(), new Reason("lexicon", hit.entry.id(), kind, describe(hit.entry.kind(), why), List.of(hitSpan), round(score)),
          (a, b) -> merge(a, b));
      fired.merge(hit.entry.id(), new Fired(hit.entry.id(), hit.entry.kind(), kind, hit.entry.weight(), round(score), List.copyOf(why), List.of(hitSpan)),
          Fired::merge);
    }
    double hate = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    scores.put("hate", hate);
    scores.replaceAll((k, v) -> round(v));
    return new Scored(scores, List.copyOf(reasons.values()), List.copyOf(fired.values()));
  }

  /**
   * Scores and reasons of one text.
   *
   * @param fired every entry that matched, in lexicon order: attack terms (also those scored below any threshold),
   *     target words and the negation and context cues, which give no reason
   */
  public record Scored(Map<String, Double> scores, List<Reason> reasons, List<Fired> fired) {
  }

  /**
   * One lexicon entry that matched.
   *
   * @param category the category an attack term scores in; null for target words and cues
   * @param weight the entry's weight in the lexicon
   * @param score the highest adjusted score of its hits (attack terms only)
   * @param factors what lowered the score of its first hit (no protected group named, negated, context, quoted)
   * @param spans every hit, as offsets into the original text
   */
  public record Fired(String id, String kind, String category, double weight, Double score, List<String> factors, List<Span> spans) {

    Fired merge(Fired other) {
      List<Span> all = new ArrayList<>(spans);
      all.addAll(other.spans);
      Double best = score;
      if (best == null || (other.score != null && other.score > best)) {
        best = other.score;
      }
      return new Fired(id, kind, category, weight, best, factors, List.copyOf(all));
    }
  }

  private record Hit(Lexicon.Entry entry, int start, int end) {
  }

  private static boolean negated(List<Hit> hits, Hit attack) {
    return hits.stream().anyMatch(h -> h.entry.kind().equals("negation") && h.end <= attack.start && attack.start - h.end <= NEGATION_WINDOW);
  }

  private static boolean quoted(String text, Hit hit) {
    String before = text.substring(0, hit.start);
    long quotes = before.chars().filter(c -> c == '"' || c == '“' || c == '„' || c == '”').count();
    return quotes % 2 == 1;
  }

  private static Reason merge(Reason a, Reason b) {
    List<Span> spans = new ArrayList<>(a.spans());
    spans.addAll(b.spans());
    return new Reason(a.kind(), a.id(), a.category(), a.description(), spans, Math.max(a.weight(), b.weight()));
  }

  private static String describe(String kind, List<String> why) {
    String base = kind + " term";
    return why.isEmpty() ? base + " with a protected group named" : base + " (" + String.join(", ", why) + ")";
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
