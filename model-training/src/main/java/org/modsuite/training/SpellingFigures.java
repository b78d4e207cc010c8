package org.modsuite.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.modsuite.moderation.service.KnownWords;
import org.modsuite.moderation.service.SpellingRepair;
import org.modsuite.moderation.service.TextNormaliser;
import org.modsuite.moderation.service.rules.RuleEngine;
import org.modsuite.moderation.service.rules.RuleSets;

/**
 * What moderation-service's {@link SpellingRepair} changes in ordinary text and what it costs: on the training and
 * dev splits of model-training/data, per language, how many words it changed and which (mostly ordinary words turned
 * into lexicon words: false corrections, since these texts are rarely obfuscated); then the CPU time of folding
 * alone against folding and repairing, per post, on the benchmark corpus. A measurement, not a test.
 * Usage: {@code SpellingFigures [data dir] [corpus]} (scripts/spelling-figures).
 */
public final class SpellingFigures {

  private static final int ROUNDS = 20;

  private SpellingFigures() {
  }

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args.length > 0 ? args[0] : "model-training/data");
    List<BenchmarkCorpus.Post> posts = BenchmarkCorpus.read(args.length > 1 ? Path.of(args[1]) : BenchmarkCorpus.DEFAULT_FILE);
    RuleEngine rules = RuleSets.bundledEngine(TrainClassifier.LANGUAGES);
    Map<String, SpellingRepair> repairs = new TreeMap<>();
    for (String language : TrainClassifier.LANGUAGES) {
      repairs.put(language, SpellingRepair.of(rules.current(language).ruleSet(), KnownWords.of(language)));
    }
    List<LabelledText> all = Datasets.all(data);
    for (String language : TrainClassifier.LANGUAGES) {
      for (boolean dev : new boolean[] {false, true}) {
        List<String> texts = all.stream().filter(t -> t.language().equals(language) && t.dev() == dev).map(LabelledText::text).toList();
        report(language + (dev ? " dev" : " train"), texts, repairs.get(language));
      }
    }
    for (String language : TrainClassifier.LANGUAGES) {
      report(language + " benchmark corpus", posts.stream().filter(p -> p.language().equals(language)).map(BenchmarkCorpus.Post::text).toList(),
          repairs.get(language));
    }
    List<TextNormaliser.Folded> folded = posts.stream().map(p -> TextNormaliser.fold(p.text())).toList();
    CpuComparison time = CpuComparison.of(ROUNDS, posts.size(), () -> 0.0, () -> {
      double sink = 0;
      for (int i = 0; i < posts.size(); i++) {
        sink += repairs.get(posts.get(i).language()).repair(folded.get(i)).text().length();
      }
      return sink;
    });
    System.out.printf(Locale.ROOT, "repair of the folded post, %d benchmark posts, %d rounds: %.2f µs CPU per post (%d)%n", posts.size(), ROUNDS,
        time.secondMicros() - time.firstMicros(), time.check());
  }

  private static void report(String name, List<String> texts, SpellingRepair repair) {
    Map<String, Integer> changes = new TreeMap<>();
    long words = 0;
    int changedPosts = 0;
    for (String text : texts) {
      TextNormaliser.Folded folded = TextNormaliser.fold(text);
      TextNormaliser.Folded repaired = repair.repair(folded);
      words += KnownWordList.letterRuns(folded.text()).size();
      if (repaired != folded) {
        changedPosts++;
        List<String> before = KnownWordList.letterRuns(folded.text());
        List<String> after = KnownWordList.letterRuns(repaired.text());
        String was = String.join(" ", before.stream().filter(w -> !after.contains(w)).toList());
        String is = String.join(" ", after.stream().filter(w -> !before.contains(w)).toList());
        changes.merge(was + "→" + is, 1, Integer::sum);
      }
    }
    System.out.printf(Locale.ROOT, "%s: %d posts, %d words; %d posts changed; changes (before→after, count): %s%n", name, texts.size(), words,
        changedPosts, changes);
  }
}
