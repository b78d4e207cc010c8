package org.modsuite.training;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.modsuite.moderation.service.TextNormaliser;

/**
 * Times {@link TextNormaliser#fold} on about 10,000 real posts, English and German, with and without emoji, and prints
 * the mean and percentiles per post. A measurement to compare before and after a change, not a test: nothing is
 * asserted. Usage: {@code FoldBenchmark [data dir]} (scripts/benchmark-fold).
 */
public final class FoldBenchmark {

  private static final int POSTS = 10_000;
  private static final int ROUNDS = 5;

  private FoldBenchmark() {
  }

  public static void main(String[] args) throws IOException {
    List<String> posts = mixedPosts(Path.of(args.length > 0 ? args[0] : "model-training/data"));
    long chars = posts.stream().mapToLong(String::length).sum();
    long sink = 0;
    long start = System.nanoTime();
    for (String post : posts) {
      sink += TextNormaliser.fold(post).text().length(); // first use: class loading and lookup tables
    }
    System.out.printf(Locale.ROOT, "first round (with class loading): %.1f ms%n", (System.nanoTime() - start) / 1e6);
    for (int round = 0; round < 3; round++) { // warm-up for the JIT
      for (String post : posts) {
        sink += TextNormaliser.fold(post).text().length();
      }
    }
    // Thread CPU time for the mean (the machine is shared, wall time counts other processes), wall time per post
    // for the percentiles.
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long cpuStart = cpu.getCurrentThreadCpuTime();
    long[] nanos = new long[posts.size() * ROUNDS];
    int k = 0;
    for (int round = 0; round < ROUNDS; round++) {
      for (String post : posts) {
        long t = System.nanoTime();
        sink += TextNormaliser.fold(post).text().length();
        nanos[k++] = System.nanoTime() - t;
      }
    }
    double meanCpu = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1000.0 / nanos.length;
    Arrays.sort(nanos);
    System.out.printf(Locale.ROOT, "%d posts (%.0f characters on average), %d rounds: mean %.2f µs CPU per post; wall p50 %.2f µs, p99 %.2f µs, "
        + "max %.1f µs (%d)%n", posts.size(), chars / (double) posts.size(), ROUNDS, meanCpu, nanos[nanos.length / 2] / 1000.0,
        nanos[nanos.length * 99 / 100] / 1000.0, nanos[nanos.length - 1] / 1000.0, sink % 10);
  }

  /** Every n-th text of each dataset, so that English tweets, German posts and emoji posts all appear. */
  private static List<String> mixedPosts(Path data) throws IOException {
    List<LabelledText> all = Datasets.all(data);
    List<String> posts = new ArrayList<>();
    int step = Math.max(1, all.size() / POSTS);
    for (int i = 0; i < all.size() && posts.size() < POSTS; i += step) {
      posts.add(all.get(i).text());
    }
    return posts;
  }
}
