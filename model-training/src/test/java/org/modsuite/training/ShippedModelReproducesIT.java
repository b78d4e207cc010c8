package org.modsuite.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The retrain command reproduces the weights moderation-service ships, byte for byte. */
class ShippedModelReproducesIT {

  @Test
  void retrainingGivesTheShippedWeightFiles() throws Exception {
    Path out = Files.createTempDirectory("retrained-model");
    TrainClassifier.main(new String[] {"data", out.toString()});
    Path shipped = Path.of("..", "moderation-service", "src", "main", "resources", "model");
    for (String language : TrainClassifier.LANGUAGES) {
      String file = "hate-classifier-" + language + ".tsv";
      assertThat(Files.mismatch(out.resolve(file), shipped.resolve(file)))
          .as("%s differs from a retrain: run scripts/train-classifier and commit the result with the model card's figures", file)
          .isEqualTo(-1L);
    }
  }
}
