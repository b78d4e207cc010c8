package org.modsuite.training;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import org.modsuite.moderation.service.LanguageIdentifier;

/**
 * What language identification over every language Lingua knows costs, against the English/German-only detector the
 * service had, and the service's {@link LanguageIdentifier} (function words first, then Lingua over all languages): heap retained by the models, time to load them, CPU µs per post (one thread, after warm-up) on the
 * benchmark corpus and on its short posts (≤ 80 characters), and the share of its English and German posts given
 * their language. Low-accuracy mode (trigrams) and high-accuracy mode. A measurement, not a test. Usage:
 * {@code LanguageIdBenchmark [corpus [--high]]} ({@code --high}: also all languages in high-accuracy mode, which
 * needs a heap of several GB).
 */
public final class LanguageIdBenchmark {

  private static final int ROUNDS = 5;

  private LanguageIdBenchmark() {
  }

  public static void main(String[] args) throws IOException {
    List<BenchmarkCorpus.Post> posts = BenchmarkCorpus.read(args.length > 0 ? Path.of(args[0]) : BenchmarkCorpus.DEFAULT_FILE);
    List<BenchmarkCorpus.Post> shortPosts = posts.stream().filter(p -> p.text().length() <= 80).toList();
    measure("function words, then Lingua (shipped)", () -> new LanguageIdentifier()::identify, posts, shortPosts);
    measure("en+de, high accuracy (before)", () -> lingua(LanguageDetectorBuilder.fromLanguages(Language.ENGLISH, Language.GERMAN)), posts, shortPosts);
    measure("all languages, low accuracy", () -> lingua(LanguageDetectorBuilder.fromAllLanguages().withLowAccuracyMode()), posts, shortPosts);
    if (args.length > 1 && args[1].equals("--high")) {
      measure("all languages, high accuracy", () -> lingua(LanguageDetectorBuilder.fromAllLanguages()), posts, shortPosts);
    }
  }

  private static Function<String, String> lingua(LanguageDetectorBuilder builder) {
    LanguageDetector detector = builder.withMinimumRelativeDistance(0.1).withPreloadedLanguageModels().build();
    return t -> {
      Language l = detector.detectLanguageOf(t);
      return l == Language.UNKNOWN ? null : l.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
    };
  }

  private static void measure(String name, Supplier<Function<String, String>> make, List<BenchmarkCorpus.Post> posts,
      List<BenchmarkCorpus.Post> shortPosts) {
    long before = usedHeap();
    long started = System.nanoTime();
    Function<String, String> identify = make.get();
    double loadSeconds = (System.nanoTime() - started) / 1e9;
    long retained = usedHeap() - before;
    double all = microsPerPost(identify, posts);
    double small = microsPerPost(identify, shortPosts);
    long right = posts.stream().filter(p -> Objects.equals(identify.apply(p.text()), p.language())).count();
    long unknown = posts.stream().filter(p -> identify.apply(p.text()) == null).count();
    long rightShort = shortPosts.stream().filter(p -> Objects.equals(identify.apply(p.text()), p.language())).count();
    System.out.printf(Locale.ROOT, "%-40s heap %5.0f MB, load %5.1f s, %7.1f µs/post (%d posts), %7.1f µs/short post (%d); right %.3f"
        + " (short %.3f), unknown %.3f%n", name, retained / 1e6, loadSeconds, all, posts.size(), small, shortPosts.size(),
        right / (double) posts.size(), rightShort / (double) shortPosts.size(), unknown / (double) posts.size());
    LanguageDetectorBuilder.fromAllLanguages().build().unloadLanguageModels(); // Lingua's models are shared statics
  }

  private static double microsPerPost(Function<String, String> identify, List<BenchmarkCorpus.Post> posts) {
    long sink = 0;
    for (int round = 0; round < 3; round++) {
      for (BenchmarkCorpus.Post p : posts) {
        sink += Objects.hashCode(identify.apply(p.text()));
      }
    }
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long start = cpu.getCurrentThreadCpuTime();
    for (int round = 0; round < ROUNDS; round++) {
      for (BenchmarkCorpus.Post p : posts) {
        sink += Objects.hashCode(identify.apply(p.text()));
      }
    }
    long nanos = cpu.getCurrentThreadCpuTime() - start;
    if (sink == 42) {
      System.out.print("");
    }
    return nanos / 1000.0 / ROUNDS / posts.size();
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
