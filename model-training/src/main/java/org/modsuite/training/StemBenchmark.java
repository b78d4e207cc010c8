package org.modsuite.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.modsuite.moderation.service.ClassifierFeatures;
import org.modsuite.moderation.service.Lexicon;
import org.modsuite.moderation.service.LexiconAnalyser;
import org.modsuite.moderation.service.TextNormaliser;

/**
 * Times what the stem features add to {@link ClassifierFeatures#of}: the benchmark corpus (1,000 English and 1,000
 * German posts) with its language (stems) and without (no stems), CPU time per post on one thread. A measurement, not
 * a test. Usage: {@code StemBenchmark [corpus]}.
 */
public final class StemBenchmark {

  private static final int ROUNDS = 20;

  private StemBenchmark() {
  }

  public static void main(String[] args) throws IOException {
    List<BenchmarkCorpus.Post> posts = BenchmarkCorpus.read(args.length > 0 ? Path.of(args[0]) : BenchmarkCorpus.DEFAULT_FILE);
    LexiconAnalyser lexicon = new LexiconAnalyser(Lexicon.load());
    List<String> folded = posts.stream().map(p -> TextNormaliser.fold(p.text()).text()).toList();
    List<LexiconAnalyser.Scored> scored = posts.stream().map(p -> lexicon.score(p.text(), p.language())).toList();
    CpuComparison time = CpuComparison.of(ROUNDS, posts.size(), () -> run(posts, folded, scored, false), () -> run(posts, folded, scored, true));
    System.out.printf(Locale.ROOT, "%d posts, %d rounds: features without stems %.2f µs, with stems %.2f µs CPU per post: stems add %.2f µs (%d)%n",
        posts.size(), ROUNDS, time.firstMicros(), time.secondMicros(), time.secondMicros() - time.firstMicros(), time.check());
  }

  private static long run(List<BenchmarkCorpus.Post> posts, List<String> folded, List<LexiconAnalyser.Scored> scored, boolean stems) {
    long sink = 0;
    for (int i = 0; i < posts.size(); i++) {
      Map<String, Double> f = ClassifierFeatures.of(folded.get(i), stems ? posts.get(i).language() : null, scored.get(i), null);
      sink += f.size();
    }
    return sink;
  }
}
