package org.modsuite.training;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
    long sink = 0;
    for (int warmUp = 0; warmUp < 10; warmUp++) {
      sink += run(posts, folded, scored, true) + run(posts, folded, scored, false);
    }
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long[] nanos = new long[2];
    for (int round = 0; round < ROUNDS; round++) { // alternating, so that both see the same machine load
      for (int stems = 0; stems < 2; stems++) {
        long start = cpu.getCurrentThreadCpuTime();
        sink += run(posts, folded, scored, stems == 1);
        nanos[stems] += cpu.getCurrentThreadCpuTime() - start;
      }
    }
    double without = nanos[0] / 1000.0 / ROUNDS / posts.size();
    double with = nanos[1] / 1000.0 / ROUNDS / posts.size();
    System.out.printf(Locale.ROOT, "%d posts, %d rounds: features without stems %.2f µs, with stems %.2f µs CPU per post: stems add %.2f µs (%d)%n",
        posts.size(), ROUNDS, without, with, with - without, sink % 10);
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
