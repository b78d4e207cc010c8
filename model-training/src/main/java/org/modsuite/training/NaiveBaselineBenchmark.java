package org.modsuite.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import org.modsuite.moderation.service.FusedScorer;
import org.modsuite.moderation.service.HateClassifier;
import org.modsuite.moderation.service.Lexicon;
import org.modsuite.moderation.service.LexiconAnalyser;
import org.modsuite.moderation.service.rules.Rule;
import org.modsuite.moderation.service.rules.RuleSets;
import org.modsuite.training.BenchmarkCorpus.Post;

/**
 * The in-process half of the moderation benchmark (scripts/benchmark-moderation): the naive baseline — the full CoreNLP
 * pipeline on every post ({@code tokenize,ssplit,pos,lemma,ner,depparse} for English, CoreNLP's own German pipeline
 * {@code tokenize,ssplit,mwt,pos,ner,depparse}, which has no lemmatiser) — against the cascade moderation-service runs
 * ({@link FusedScorer} with the bundled rules: tokenise every post, tag and parse only the sentences a deep rule may
 * match), on the same sample of the benchmark corpus, with 1 and 2 threads. Also prints how many posts name a group
 * (a target rule fired) and how many took the deep stage, since that share sets the cascade's cost.
 *
 * <p>Usage: {@code NaiveBaselineBenchmark [corpus file] [sample size, default 300] [--cascade-only]}. Needs about 3 GB of heap (the
 * English and German NER, tagger and parser models of both pipelines).
 */
public final class NaiveBaselineBenchmark {

  private static final List<String> LANGUAGES = TrainClassifier.RULE_LANGUAGES;
  private static final int WARM_UP = 30;

  private NaiveBaselineBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0] : BenchmarkCorpus.DEFAULT_FILE.toString());
    int sampleSize = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    List<Post> corpus = BenchmarkCorpus.read(file);
    List<Post> sample = corpus.subList(0, Math.min(sampleSize, corpus.size()));
    List<Post> warmUp = corpus.subList(corpus.size() - WARM_UP, corpus.size()); // not in the sample
    System.out.printf(Locale.ROOT, "%nIn-process benchmark: corpus %s (%d posts, %d English), sample of the first %d (%d English), %d cores, max heap %d MB%n",
        file, corpus.size(), english(corpus), sample.size(), english(sample), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);

    long loading = System.nanoTime();
    FusedScorer cascade = new FusedScorer(new LexiconAnalyser(Lexicon.load()), HateClassifier.load(LANGUAGES), LANGUAGES,
        RuleSets.bundledEngine(LANGUAGES));
    System.out.printf(Locale.ROOT, "  cascade (FusedScorer: rules en+de, classifier, lexicon) loaded in %.1f s%n", seconds(loading));
    CascadeShares shares = new CascadeShares();
    corpus.forEach(p -> shares.add(p, cascade.score(p.text(), p.language()))); // also the JIT warm-up
    shares.print();
    Rate cascadeSample1 = rate(sample, 1, p -> cascade.score(p.text(), p.language()));
    Rate cascadeSample2 = rate(sample, 2, p -> cascade.score(p.text(), p.language()));
    Rate cascadeCorpus1 = rate(corpus, 1, p -> cascade.score(p.text(), p.language()));
    Rate cascadeCorpus2 = rate(corpus, 2, p -> cascade.score(p.text(), p.language()));
    System.out.printf(Locale.ROOT, "  cascade, sample of %d: 1 thread %s; 2 threads %s%n", sample.size(), cascadeSample1, cascadeSample2);
    System.out.printf(Locale.ROOT, "  cascade, corpus of %d: 1 thread %s; 2 threads %s%n", corpus.size(), cascadeCorpus1, cascadeCorpus2);
    System.out.printf(Locale.ROOT, "summary: in-process cascade, whole corpus of %d posts: 2 threads %s, 1 thread %s; %s%n", corpus.size(),
        cascadeCorpus2, cascadeCorpus1, shares.line());
    if (args.length > 2 && args[2].equals("--cascade-only")) {
      return;
    }

    loading = System.nanoTime();
    Map<String, StanfordCoreNLP> naive = Map.of("en", new StanfordCoreNLP(englishFull()), "de", new StanfordCoreNLP(germanFull()));
    System.out.printf(Locale.ROOT, "  naive full pipelines (en: %s; de: %s) loaded in %.1f s%n", englishFull().getProperty("annotators"),
        germanFull().getProperty("annotators"), seconds(loading));
    warmUp.forEach(p -> annotate(naive, p));
    AtomicInteger sentences = new AtomicInteger();
    Rate naive1 = rate(sample, 1, p -> sentences.addAndGet(annotate(naive, p)));
    Rate naive2 = rate(sample, 2, p -> annotate(naive, p));
    System.out.printf(Locale.ROOT, "  naive, sample of %d (%d sentences): 1 thread %s; 2 threads %s%n", sample.size(), sentences.get(), naive1,
        naive2);
    System.gc();
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "  heap in use with the cascade and both naive pipelines loaded (after a GC): %d MB%n",
        (rt.totalMemory() - rt.freeMemory()) >> 20);

    System.out.printf(Locale.ROOT, "summary: in-process, the same sample of %d posts: naive full CoreNLP 2 threads %s, 1 thread %s;"
        + " cascade 2 threads %s, 1 thread %s; CPU per post naive / cascade = %.0f x%n", sample.size(), naive2, naive1, cascadeSample2,
        cascadeSample1, naive1.cpuMillisPerPost() / cascadeSample1.cpuMillisPerPost());
  }

  /** How often the cascade found a group named and how often it had to tag and parse, by language. */
  private static final class CascadeShares {
    private final Map<String, int[]> byLanguage = Map.of("en", new int[4], "de", new int[4]); // posts, target, deep posts, deep sentences

    synchronized void add(Post post, FusedScorer.Scores scores) {
      int[] n = byLanguage.get(post.language());
      n[0]++;
      if (scores.rules() != null && scores.rules().fired().stream().anyMatch(f -> f.kind().equals(Rule.TARGET))) {
        n[1]++;
      }
      if (scores.deepSentences() > 0) {
        n[2]++;
      }
      n[3] += scores.deepSentences();
    }

    void print() {
      for (String language : LANGUAGES) {
        int[] n = byLanguage.get(language);
        System.out.printf(Locale.ROOT, "  cascade on the corpus, %s: %d posts, %.1f %% name a group (a target rule fired), %.1f %% took the deep"
            + " stage (%d sentences parsed)%n", language, n[0], pct(n[1], n[0]), pct(n[2], n[0]), n[3]);
      }
    }

    String line() {
      int posts = 0;
      int target = 0;
      int deep = 0;
      for (int[] n : byLanguage.values()) {
        posts += n[0];
        target += n[1];
        deep += n[2];
      }
      return String.format(Locale.ROOT, "%.1f %% of posts name a group, %.1f %% took the deep stage", pct(target, posts), pct(deep, posts));
    }
  }

  /**
   * Posts per second of {@code work} over {@code posts} shared by {@code threads} threads (wall clock), and the CPU time
   * the threads used per post, which other processes on the machine do not inflate.
   */
  static Rate rate(List<Post> posts, int threads, Consumer<Post> work) throws Exception {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    AtomicLong cpuNanos = new AtomicLong();
    long started = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      running.add(pool.submit(() -> {
        long cpuStart = cpu.getCurrentThreadCpuTime();
        for (int i = next.getAndIncrement(); i < posts.size(); i = next.getAndIncrement()) {
          work.accept(posts.get(i));
        }
        cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpuStart);
      }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    double elapsed = seconds(started);
    pool.shutdown();
    return new Rate(posts.size() / elapsed, cpuNanos.get() / 1e6 / posts.size());
  }

  /** @param postsPerSecond wall clock @param cpuMillisPerPost CPU time of the working threads per post */
  record Rate(double postsPerSecond, double cpuMillisPerPost) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.1f posts/s (%.2f ms CPU per post)", postsPerSecond, cpuMillisPerPost);
    }
  }

  /** Runs the naive pipeline of the post's language; returns the number of sentences. */
  private static int annotate(Map<String, StanfordCoreNLP> naive, Post post) {
    Annotation annotation = new Annotation(post.text());
    naive.get(post.language()).annotate(annotation);
    return annotation.get(CoreAnnotations.SentencesAnnotation.class).size();
  }

  static Properties englishFull() {
    Properties p = new Properties();
    p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner,depparse");
    return p;
  }

  /** CoreNLP's German defaults (StanfordCoreNLP-german.properties of the German models jar), unchanged. */
  static Properties germanFull() {
    Properties p = new Properties();
    try (InputStream in = StanfordCoreNLP.class.getClassLoader().getResourceAsStream("StanfordCoreNLP-german.properties")) {
      if (in == null) {
        throw new IllegalStateException("StanfordCoreNLP-german.properties is missing: the German models jar is not on the class path");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  private static long english(List<Post> posts) {
    return posts.stream().filter(p -> p.language().equals("en")).count();
  }

  private static double pct(int part, int whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
