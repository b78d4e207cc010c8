package org.modsuite.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.modsuite.moderation.service.CharNgrams;
import org.modsuite.moderation.service.ClassifierFeatures;
import org.modsuite.moderation.service.HateClassifier;
import org.modsuite.moderation.service.Lexicon;
import org.modsuite.moderation.service.LexiconAnalyser;
import org.modsuite.moderation.service.TextNormaliser;

/**
 * Times what the character n-grams add to the classifier's path on every post: {@link ClassifierFeatures#forScoring}
 * and {@link HateClassifier#predict} with the shipped model, against the features without them, on the benchmark corpus (1,000 English and 1,000 German
 * posts, already folded and lexicon-scored, as the service has them), with and without {@link CharNgrams#SHIPPED}; CPU
 * time per post on one thread, the two alternating so that both see the same machine load. A measurement, not a test.
 * Usage: {@code ClassifierBenchmark [corpus]}.
 */
public final class ClassifierBenchmark {

  private static final int ROUNDS = 20;

  private ClassifierBenchmark() {
  }

  public static void main(String[] args) throws IOException {
    List<BenchmarkCorpus.Post> posts = BenchmarkCorpus.read(args.length > 0 ? Path.of(args[0]) : BenchmarkCorpus.DEFAULT_FILE);
    LexiconAnalyser lexicon = new LexiconAnalyser(Lexicon.load());
    HateClassifier classifier = HateClassifier.load(TrainClassifier.LANGUAGES);
    List<TextNormaliser.Folded> folded = posts.stream().map(p -> TextNormaliser.fold(p.text())).toList();
    List<LexiconAnalyser.Scored> scored = posts.stream().map(p -> lexicon.score(p.text(), p.language())).toList();
    CpuComparison time = CpuComparison.of(ROUNDS, posts.size(), () -> run(posts, folded, scored, classifier, null),
        () -> run(posts, folded, scored, classifier, CharNgrams.SHIPPED));
    System.out.printf(Locale.ROOT, "%s, %d posts, %d rounds: features and scoring without character n-grams %.2f µs, with %s %.2f µs CPU per post:"
        + " they add %.2f µs (%d)%n", classifier.version(), posts.size(), ROUNDS, time.firstMicros(), CharNgrams.SHIPPED.describe(),
        time.secondMicros(), time.secondMicros() - time.firstMicros(), time.check());
  }

  /** Without character n-grams ({@code chars} null) or with them, as the service scores ({@link ClassifierFeatures#forScoring}). */
  private static double run(List<BenchmarkCorpus.Post> posts, List<TextNormaliser.Folded> folded, List<LexiconAnalyser.Scored> scored,
      HateClassifier classifier, CharNgrams chars) {
    double sink = 0;
    for (int i = 0; i < posts.size(); i++) {
      String language = posts.get(i).language();
      sink += (chars == null ? classifier.predict(ClassifierFeatures.of(folded.get(i).text(), language, scored.get(i), null, null), language)
          : classifier.predict(ClassifierFeatures.forScoring(folded.get(i).text(), language, scored.get(i), null), language)).logit();
    }
    return sink;
  }
}
