package org.modsuite.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The known-word lists moderation-service ships are the ones the training splits give (scripts/build-known-words). */
class KnownWordListTests {

  @Test
  void shippedListsAreTheTrainingSplitsWords() throws Exception {
    List<LabelledText> all = Datasets.published(Path.of("data"));
    for (String language : TrainClassifier.RULE_LANGUAGES) {
      String expected = KnownWordList.of(all.stream().filter(t -> t.language().equals(language) && !t.dev()).map(LabelledText::text).toList());
      Path shipped = Path.of("..", "moderation-service", "src", "main", "resources", "spelling", "known-" + language + ".txt");
      assertThat(Files.readString(shipped, StandardCharsets.UTF_8))
          .as("known-%s.txt differs from the training data's words: run scripts/build-known-words", language).isEqualTo(expected);
    }
  }

  @Test
  void lettersRunsAreTheWords() {
    assertThat(KnownWordList.letterRuns("refugees, über-all 2015 ok")).containsExactly("refugees", "über", "all", "ok");
  }
}
