package org.modsuite.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.modsuite.events.AnalysisEvent;
import org.modsuite.events.Decision;
import org.modsuite.moderation.service.ClassifierFeatures;
import org.modsuite.moderation.service.FusedScorer;
import org.modsuite.moderation.service.Policy;
import org.modsuite.moderation.service.TargetTerms;

/**
 * Derives the policy's operating points from the dev splits and prints how: review is a recall decision (a human
 * looks), removal a precision decision.
 * <ul>
 *   <li><b>Review</b> (fused {@code hate} score): for each dev split of a language, the highest threshold at which it
 *       still catches {@value #RECALL} of the split's hateful posts; the language's threshold is the lowest of these,
 *       so every split reaches the recall. A recall target on each split, not a probability cut-off, so the threshold
 *       does not encode any one split's base rate (Davidson 6 % hate, GAHD 43 %, HatemojiBuild 46 %).</li>
 *   <li><b>Remove</b> (rule evidence only): the lowest rule-score threshold of the attack categories at which the
 *       removals of every dev split of the language are at least {@value #PRECISION} precise.</li>
 * </ul>
 * Then the false-flag rate of benign posts that name a group, on the dev splits and on the project's own held-out
 * sentences ({@code model-training/bias/benign-group-sentences.tsv}), and a split-half check: thresholds chosen on the
 * even rows, recall measured on the odd ones.
 */
final class OperatingPoints {

  static final double RECALL = 0.90;
  static final double PRECISION = 0.98;
  private static final double[] REMOVE_CANDIDATES = {0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0};

  private OperatingPoints() {
  }

  static void print(List<Evaluation.Scored> dev, Policy policy, FusedScorer scorer, Path benignFile) throws IOException {
    Map<String, List<String>> benign = benign(benignFile);
    System.out.printf(Locale.ROOT, "%noperating points: review catches >= %.0f %% of each dev split's hateful posts; removal >= %.0f %% precise "
        + "(policy %s in brackets)%n", RECALL * 100, PRECISION * 100, policy.version());
    Map<String, Map<String, List<Evaluation.Scored>>> byLanguage = dev.stream().collect(Collectors.groupingBy(s -> s.text().language(),
        TreeMap::new, Collectors.groupingBy(s -> s.text().dataset(), TreeMap::new, Collectors.toList())));
    StringBuilder json = new StringBuilder();
    for (Map.Entry<String, Map<String, List<Evaluation.Scored>>> language : byLanguage.entrySet()) {
      String lang = language.getKey();
      double review = 1;
      double evenReview = 1;
      for (Map.Entry<String, List<Evaluation.Scored>> set : language.getValue().entrySet()) {
        double t = thresholdForRecall(set.getValue(), 0, 1);
        System.out.printf(Locale.ROOT, "  %s %-10s highest review threshold with recall >= %.2f: %.3f%n", lang, set.getKey(), RECALL, t);
        review = Math.min(review, t);
        evenReview = Math.min(evenReview, thresholdForRecall(set.getValue(), 0, 2));
      }
      System.out.printf(Locale.ROOT, "  %s review threshold (the lowest): %.3f [%.3f]; chosen on even rows only: %.3f%n", lang, review,
          policy.review("hate", lang), evenReview);
      System.out.printf(Locale.ROOT, "  %-3s %-10s %6s %8s %8s %8s %8s %10s %8s %10s%n", "", "dataset", "n", "recall", "precis.", "macroF1", "flagged",
          "benignFF", "groupFF", "oddRecall");
      for (Map.Entry<String, List<Evaluation.Scored>> set : language.getValue().entrySet()) {
        printReviewRow(lang, set.getKey(), set.getValue(), review, evenReview);
      }
      double remove = removeThreshold(lang, language.getValue(), policy);
      List<String> own = benign.getOrDefault(lang, List.of());
      int flagged = 0;
      int flaggedNow = 0;
      for (String text : own) {
        FusedScorer.Scores s = scorer.score(text, lang);
        flagged += s.scores().get("hate") >= review ? 1 : 0;
        flaggedNow += policy.decide(s.ruleScores(), s.scores(), lang) != Decision.ALLOW ? 1 : 0;
      }
      System.out.printf(Locale.ROOT, "  %s own held-out benign sentences naming a group: %d of %d flagged at %.3f (%.1f %%) [%d by policy %s]%n",
          lang, flagged, own.size(), review, 100.0 * flagged / Math.max(1, own.size()), flaggedNow, policy.version());
      json.append(String.format(Locale.ROOT, "    \"%s\": { \"hate\": { \"review\": %.3f }, attack categories remove: %.2f }%n", lang, review, remove));
    }
    System.out.print("  chosen:\n" + json);
  }

  /** The highest threshold t such that rows {@code from}, {@code from + step}, … reach {@link #RECALL} at score >= t. */
  private static double thresholdForRecall(List<Evaluation.Scored> texts, int from, int step) {
    List<Double> hate = new ArrayList<>();
    for (int i = from; i < texts.size(); i += step) {
      if (texts.get(i).text().hate()) {
        hate.add(texts.get(i).hate());
      }
    }
    double[] sorted = hate.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    // at most (1 - RECALL) of the hateful posts may fall below t
    return sorted.length == 0 ? 1 : sorted[(int) Math.floor((1 - RECALL) * sorted.length + 1e-9)];
  }

  private static void printReviewRow(String lang, String dataset, List<Evaluation.Scored> texts, double review, double evenReview) {
    int[][] c = new int[2][2];
    int benignGroup = 0;
    int benignGroupFlagged = 0;
    int oddHate = 0;
    int oddCaught = 0;
    for (int i = 0; i < texts.size(); i++) {
      Evaluation.Scored s = texts.get(i);
      boolean flagged = s.hate() >= review;
      c[s.text().hate() ? 1 : 0][flagged ? 1 : 0]++;
      if (!s.text().hate() && namesGroup(s, lang)) {
        benignGroup++;
        benignGroupFlagged += flagged ? 1 : 0;
      }
      if (i % 2 == 1 && s.text().hate()) {
        oddHate++;
        oddCaught += s.hate() >= evenReview ? 1 : 0;
      }
    }
    double recall = c[1][1] / (double) Math.max(1, c[1][0] + c[1][1]);
    double precision = c[1][1] / (double) Math.max(1, c[0][1] + c[1][1]);
    double recallNo = c[0][0] / (double) Math.max(1, c[0][0] + c[0][1]);
    double precisionNo = c[0][0] / (double) Math.max(1, c[0][0] + c[1][0]);
    double macroF1 = (f1(precision, recall) + f1(precisionNo, recallNo)) / 2;
    System.out.printf(Locale.ROOT, "  %-3s %-10s %6d %8.3f %8.3f %8.3f %8.3f %10.3f %8s %10.3f%n", lang, dataset, texts.size(), recall, precision,
        macroF1, (c[0][1] + c[1][1]) / (double) texts.size(), c[0][1] / (double) Math.max(1, c[0][0] + c[0][1]),
        String.format(Locale.ROOT, "%.3f/%d", benignGroupFlagged / (double) Math.max(1, benignGroup), benignGroup),
        oddCaught / (double) Math.max(1, oddHate));
  }

  /** Whether the post names a protected group of the target lexicon. */
  static boolean namesGroup(Evaluation.Scored s, String lang) {
    return TargetTerms.SHIPPED.tag(ClassifierFeatures.words(s.scores().foldedText()), lang).words().contains(TargetTerms.PLACEHOLDER);
  }

  /** Prints the removals' precision at each candidate threshold of the attack categories' rule scores; returns the chosen one. */
  private static double removeThreshold(String lang, Map<String, List<Evaluation.Scored>> sets, Policy policy) {
    double chosen = 1.0;
    for (int k = REMOVE_CANDIDATES.length - 1; k >= 0; k--) {
      double t = REMOVE_CANDIDATES[k];
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %s remove at rule score >= %.2f:", lang, t));
      boolean ok = true;
      for (Map.Entry<String, List<Evaluation.Scored>> set : sets.entrySet()) {
        int removed = 0;
        int right = 0;
        for (Evaluation.Scored s : set.getValue()) {
          if (removedAt(s, t, policy, lang)) {
            removed++;
            right += s.text().hate() ? 1 : 0;
          }
        }
        double precision = removed == 0 ? 1 : right / (double) removed;
        ok &= precision >= PRECISION;
        row.append(String.format(Locale.ROOT, " %s %d/%d (%.3f)", set.getKey(), right, removed, precision));
      }
      System.out.println(row.append(ok ? "" : "  below target"));
      if (!ok) {
        break;
      }
      chosen = t;
    }
    StringBuilder byCategory = new StringBuilder(String.format(Locale.ROOT, "  %s removals by category at the policy's thresholds (hate/removed):", lang));
    for (String category : AnalysisEvent.CATEGORIES) {
      int removed = 0;
      int right = 0;
      for (List<Evaluation.Scored> set : sets.values()) {
        for (Evaluation.Scored s : set) {
          if (s.scores().ruleScores().getOrDefault(category, 0.0) >= policy.remove(category, lang)) {
            removed++;
            right += s.text().hate() ? 1 : 0;
          }
        }
      }
      byCategory.append(String.format(Locale.ROOT, " %s %d/%d", category, right, removed));
    }
    System.out.println(byCategory);
    System.out.printf(Locale.ROOT, "  %s remove threshold (the lowest candidate with every split >= %.2f precise, and every higher one too): %.2f [%s]%n",
        lang, PRECISION, chosen, Arrays.toString(AnalysisEvent.CATEGORIES.stream().mapToDouble(c -> policy.remove(c, lang)).toArray()));
    return chosen;
  }

  /** Removed when an attack category's rule score reaches {@code t} (insult keeps the policy's own threshold). */
  private static boolean removedAt(Evaluation.Scored s, double t, Policy policy, String lang) {
    for (String category : AnalysisEvent.CATEGORIES) {
      double threshold = category.equals("insult") ? policy.remove(category, lang) : t;
      if (s.scores().ruleScores().getOrDefault(category, 0.0) >= threshold) {
        return true;
      }
    }
    return false;
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** language -> the held-out benign sentences. */
  private static Map<String, List<String>> benign(Path file) throws IOException {
    Map<String, List<String>> byLanguage = new TreeMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.startsWith("#") && !line.isBlank()) {
        String[] columns = line.split("\t", 2);
        byLanguage.computeIfAbsent(columns[0], l -> new ArrayList<>()).add(columns[1]);
      }
    }
    return byLanguage;
  }
}
