package org.modsuite.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.modsuite.moderation.service.FusedScorer;

/**
 * The identity-bias figures of Borkan et al. (2019, "Nuanced Metrics for Measuring Unintended Bias with Real Data for
 * Text Classification") for the fused hate score, per identity group and language:
 * <ul>
 *   <li><b>subgroup AUC</b>: AUC on the posts that mention the group (does the score separate hate from the rest there?);</li>
 *   <li><b>BPSN</b> (background positive, subgroup negative): AUC on hateful posts that do not mention the group and
 *       benign posts that do; low when benign mentions of the group score high;</li>
 *   <li><b>BNSP</b> (background negative, subgroup positive): AUC on benign posts without the group and hateful posts
 *       with it; low when hate against the group scores low.</li>
 * </ul>
 * Measured on the dev splits as they are, and on the dev splits augmented with identity-swapped copies: every dev
 * post that names one group by a plural noun of the swap table is copied once per other group with that noun
 * replaced, and keeps its label (grammar is not corrected; the table is the project's, after the identity terms of
 * model-training/data/identity-terms).
 */
final class BiasMetrics {

  /** identity -> the pattern that finds it in folded text, per language. */
  static final Map<String, Map<String, Pattern>> GROUPS = Map.of(
      "en", patterns(
          "immigrants", "\\b(im)?migrants?\\b|\\brefugees?\\b|\\basylum seekers?\\b|\\bforeigners?\\b",
          "muslims", "\\bmuslims?\\b|\\bislam\\w*",
          "jews", "\\bjews?\\b|\\bjewish\\b",
          "women", "\\bwom[ae]n\\b|\\bgirls?\\b|\\bfemales?\\b",
          "black", "\\bblacks\\b|\\bblack (people|person|men|women|folks?)\\b",
          "gay", "\\bgays?\\b|\\blesbians?\\b|\\bhomosexuals?\\b",
          "trans", "\\btrans\\b|\\btransgender\\b|\\btrann\\w*",
          "disabled", "\\bdisabled\\b|\\bdisabilit\\w*"),
      "de", patterns(
          "immigrants", "migrant\\w*|flüchtling\\w*|geflüchtete\\w*|asyl\\w*|ausländer\\w*|einwander\\w*|zuwander\\w*",
          "muslims", "muslim\\w*|moslem\\w*|islam\\w*",
          "jews", "\\bjude\\w*|\\bjuden\\b|\\bjüd\\w*",
          "women", "\\bfrau(en)?\\b|\\bmädchen\\b",
          "black", "\\bschwarze[nr]?\\b",
          "gay", "\\bschwul\\w*|\\blesb\\w*|homosexuell\\w*",
          "trans", "\\btrans(menschen|personen|frauen|männer|gender\\w*)\\b",
          "disabled", "\\bbehindert\\w*"));

  /** identity -> the plural noun that swapped copies use, and the pattern of the nouns a copy replaces. */
  static final Map<String, Map<String, String[]>> SWAPS = Map.of(
      "en", swaps(
          "immigrants", "immigrants", "\\b(im)?migrants\\b|\\brefugees\\b",
          "muslims", "muslims", "\\bmuslims\\b",
          "jews", "jews", "\\bjews\\b",
          "women", "women", "\\bwomen\\b",
          "black", "black people", "\\bblacks\\b|\\bblack people\\b",
          "gay", "gay people", "\\bgays\\b|\\bgay people\\b",
          "trans", "trans people", "\\btrans people\\b",
          "disabled", "disabled people", "\\bdisabled people\\b"),
      "de", swaps(
          "immigrants", "flüchtlinge", "\\bflüchtlinge\\b|\\bmigranten\\b|\\bausländer\\b|\\basylbewerber\\b",
          "muslims", "muslime", "\\bmuslime\\b|\\bmoslems\\b",
          "jews", "juden", "\\bjuden\\b",
          "women", "frauen", "\\bfrauen\\b",
          "black", "schwarze", "\\bschwarze\\b",
          "gay", "schwule", "\\bschwule\\b",
          "trans", "transmenschen", "\\btransmenschen\\b",
          "disabled", "behinderte", "\\bbehinderte\\b"));

  private static final int MIN_SUBGROUP = 10;

  private BiasMetrics() {
  }

  /** One scored post: its language, label, hate score and the identities it mentions. */
  record Row(String language, boolean hate, double score, String folded) {
  }

  static void print(List<Evaluation.Scored> dev, FusedScorer scorer) {
    List<Row> rows = new ArrayList<>();
    for (Evaluation.Scored s : dev) {
      rows.add(new Row(s.text().language(), s.text().hate(), s.hate(), s.scores().foldedText()));
    }
    List<Row> augmented = new ArrayList<>(rows);
    for (Evaluation.Scored s : dev) {
      String lang = s.text().language();
      Map<String, String[]> swaps = SWAPS.get(lang);
      for (Map.Entry<String, String[]> from : swaps.entrySet()) {
        Matcher m = Pattern.compile(from.getValue()[1]).matcher(s.scores().foldedText());
        if (!m.find()) {
          continue;
        }
        for (Map.Entry<String, String[]> to : swaps.entrySet()) {
          if (!to.getKey().equals(from.getKey())) {
            String text = m.replaceAll(to.getValue()[0]);
            FusedScorer.Scores scored = scorer.score(text, lang);
            augmented.add(new Row(lang, s.text().hate(), scored.scores().get("hate"), scored.foldedText()));
          }
        }
        break; // one source group per post
      }
    }
    System.out.printf(Locale.ROOT, "%nidentity bias of the fused hate score (Borkan et al. 2019): subgroup AUC, BPSN AUC, BNSP AUC per group; "
        + "n = posts naming the group (hateful); '-' under %d posts or without both classes%n", MIN_SUBGROUP);
    table("dev splits", rows);
    table("dev splits + identity-swapped copies (" + (augmented.size() - rows.size()) + " copies)", augmented);
  }

  private static void table(String title, List<Row> rows) {
    System.out.printf(Locale.ROOT, "%n%s%n%-4s %-11s %11s %9s %9s %9s%n", title, "lang", "group", "n (hate)", "subgrAUC", "BPSN", "BNSP");
    for (String lang : List.of("en", "de")) {
      List<Row> language = rows.stream().filter(r -> r.language().equals(lang)).toList();
      System.out.printf(Locale.ROOT, "%-4s %-11s %11s %9s%n", lang, "(overall)", language.size() + " (" + language.stream().filter(Row::hate).count() + ")",
          format(auc(language)));
      for (Map.Entry<String, Pattern> group : GROUPS.get(lang).entrySet()) {
        List<Row> in = new ArrayList<>();
        List<Row> out = new ArrayList<>();
        language.forEach(r -> (group.getValue().matcher(r.folded()).find() ? in : out).add(r));
        List<Row> bpsn = new ArrayList<>(out.stream().filter(Row::hate).toList());
        bpsn.addAll(in.stream().filter(r -> !r.hate()).toList());
        List<Row> bnsp = new ArrayList<>(out.stream().filter(r -> !r.hate()).toList());
        bnsp.addAll(in.stream().filter(Row::hate).toList());
        long hate = in.stream().filter(Row::hate).count();
        boolean enough = in.size() >= MIN_SUBGROUP && hate > 0 && hate < in.size();
        System.out.printf(Locale.ROOT, "%-4s %-11s %11s %9s %9s %9s%n", lang, group.getKey(), in.size() + " (" + hate + ")",
            enough ? format(auc(in)) : "-", enough ? format(auc(bpsn)) : "-", enough ? format(auc(bnsp)) : "-");
      }
    }
  }

  /** The area under the ROC curve (Mann-Whitney, ties counted half); NaN without both classes. */
  static double auc(List<Row> rows) {
    List<Row> sorted = rows.stream().sorted((a, b) -> Double.compare(a.score(), b.score())).toList();
    double rankSum = 0;
    long positives = 0;
    int i = 0;
    while (i < sorted.size()) {
      int j = i;
      while (j < sorted.size() && sorted.get(j).score() == sorted.get(i).score()) {
        j++;
      }
      double rank = (i + 1 + j) / 2.0; // average 1-based rank of the tie block
      for (int k = i; k < j; k++) {
        if (sorted.get(k).hate()) {
          rankSum += rank;
          positives++;
        }
      }
      i = j;
    }
    long negatives = sorted.size() - positives;
    return positives == 0 || negatives == 0 ? Double.NaN : (rankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
  }

  private static String format(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
  }

  private static Map<String, Pattern> patterns(String... pairs) {
    Map<String, Pattern> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], Pattern.compile(pairs[i + 1]));
    }
    return map;
  }

  private static Map<String, String[]> swaps(String... triples) {
    Map<String, String[]> map = new LinkedHashMap<>();
    for (int i = 0; i < triples.length; i += 3) {
      map.put(triples[i], new String[] {triples[i + 1], triples[i + 2]});
    }
    return map;
  }
}
