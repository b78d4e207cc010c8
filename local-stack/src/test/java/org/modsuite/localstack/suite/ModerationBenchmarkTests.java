package org.modsuite.localstack.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.modsuite.localstack.ProjectRoot;

class ModerationBenchmarkTests {

  @Test
  void readsTheMixedEnglishGermanCorpus() throws Exception {
    List<ModerationBenchmark.CorpusPost> corpus = ModerationBenchmark.read(ProjectRoot.find().resolve(ModerationBenchmark.CORPUS));
    assertThat(corpus).hasSize(2000).allMatch(p -> !p.text().isBlank());
    assertThat(corpus).extracting(ModerationBenchmark.CorpusPost::language).containsOnly("en", "de");
  }
}
