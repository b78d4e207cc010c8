package org.modsuite.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.modsuite.moderation.service.ClassifierFeatures;
import org.modsuite.moderation.service.TargetTerms;
import org.modsuite.moderation.service.TextNormaliser;

/**
 * Times what the target lexicon ({@link TargetTerms#tag}: stems, group placeholder, target-directed negativity
 * features) costs per post: splitting the folded posts of the benchmark corpus into words, against splitting and
 * tagging them; CPU time per post on one thread, alternating. An upper bound of the tier's cost: the stems it computes
 * were computed before for the stem features, which now reuse them. A measurement, not a test.
 * Usage: {@code TargetTermsBenchmark [corpus]}.
 */
public final class TargetTermsBenchmark {

  private static final int ROUNDS = 20;

  private TargetTermsBenchmark() {
  }

  public static void main(String[] args) throws IOException {
    List<BenchmarkCorpus.Post> posts = BenchmarkCorpus.read(args.length > 0 ? Path.of(args[0]) : BenchmarkCorpus.DEFAULT_FILE);
    List<String> folded = posts.stream().map(p -> TextNormaliser.fold(p.text()).text()).toList();
    CpuComparison time = CpuComparison.of(ROUNDS, posts.size(), () -> {
      double sink = 0;
      for (String text : folded) {
        sink += ClassifierFeatures.words(text).size();
      }
      return sink;
    }, () -> {
      double sink = 0;
      for (int i = 0; i < folded.size(); i++) {
        TargetTerms.Tagged tagged = TargetTerms.SHIPPED.tag(ClassifierFeatures.words(folded.get(i)), posts.get(i).language());
        sink += tagged.words().size() + tagged.features().size();
      }
      return sink;
    });
    System.out.printf(Locale.ROOT, "%s, %d posts, %d rounds: words %.2f µs, words and tagging %.2f µs CPU per post: tagging adds %.2f µs (%d)%n",
        TargetTerms.SHIPPED.version(), posts.size(), ROUNDS, time.firstMicros(), time.secondMicros(), time.secondMicros() - time.firstMicros(),
        time.check());
  }
}
