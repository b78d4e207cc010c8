package org.modsuite.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class BenchmarkCorpusTests {

  private static final Path ROOT = Path.of("..");

  @Test
  void theCommittedCorpusIsWhatTheGeneratorWrites() throws Exception {
    List<BenchmarkCorpus.Post> built = BenchmarkCorpus.build(ROOT.resolve("model-training/data"),
        ROOT.resolve("local-stack/src/main/resources/demo/demo-posts.jsonl"));
    List<BenchmarkCorpus.Post> committed = BenchmarkCorpus.read(ROOT.resolve(BenchmarkCorpus.DEFAULT_FILE));
    assertThat(committed).isEqualTo(built);
  }

  @Test
  void halfEnglishHalfGermanFromTrainingSplitsAndTheDemo() throws Exception {
    List<BenchmarkCorpus.Post> corpus = BenchmarkCorpus.read(ROOT.resolve(BenchmarkCorpus.DEFAULT_FILE));
    assertThat(corpus).hasSize(2000).allMatch(p -> !p.text().isBlank());
    assertThat(corpus.stream().filter(p -> p.language().equals("en"))).hasSize(1000);
    assertThat(corpus.stream().filter(p -> p.language().equals("de"))).hasSize(1000);
    assertThat(corpus.stream().map(BenchmarkCorpus.Post::source).distinct()).containsExactlyInAnyOrder("demo", "gahd", "hatemoji", "davidson");
  }
}
