package org.modsuite.training;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads the datasets in model-training/data with their train and dev splits (see data/README.md). */
final class Datasets {

  private Datasets() {
  }

  /** The published datasets and the project's own training sentences: what training and evaluation read. */
  static List<LabelledText> all(Path data) throws IOException {
    List<LabelledText> all = published(data);
    all.addAll(own(data.resolve("own/group-sentences-train.tsv")));
    return all;
  }

  /** The published datasets alone, in file order (what the benchmark corpus samples). */
  static List<LabelledText> published(Path data) throws IOException {
    List<LabelledText> all = new ArrayList<>();
    all.addAll(read(data.resolve("gahd/gahd_train.csv"), r -> new LabelledText("gahd", "de", r.get("text"), r.get("label").equals("1"), false)));
    all.addAll(read(data.resolve("gahd/gahd_dev.csv"), r -> new LabelledText("gahd", "de", r.get("text"), r.get("label").equals("1"), true)));
    all.addAll(read(data.resolve("hatemoji/hatemojibuild_train.csv"),
        r -> new LabelledText("hatemoji", "en", r.get("text"), r.get("label_gold").equals("1"), false)));
    all.addAll(read(data.resolve("hatemoji/hatemojibuild_validation.csv"),
        r -> new LabelledText("hatemoji", "en", r.get("text"), r.get("label_gold").equals("1"), true)));
    all.addAll(read(data.resolve("davidson/labeled_data.csv"), r -> {
      long row = Long.parseLong(r.get(0));
      return new LabelledText("davidson", "en", r.get("tweet"), r.get("class").equals("0"), row % 10 == 0);
    }));
    for (String language : List.of("fr", "ar")) {
      all.addAll(read(data.resolve("mlma/" + language + "_dataset.csv"),
          r -> new LabelledText("mlma-" + language, language, r.get("tweet"), mlmaHate(r), mlmaDev(r.get("tweet")))));
    }
    return all;
  }

  /**
   * MLMA's hate: a tweet not labelled {@code normal} alone whose hostility is labelled {@code hateful}, or is aimed at a
   * protected attribute (origin, religion, gender, sexual orientation, disability) and a group rather than an individual
   * or no one. Offensive or abusive tweets at a person are not hate here, as profanity is not (data/README.md).
   */
  static boolean mlmaHate(CSVRecord r) {
    String sentiment = r.get("sentiment");
    return !sentiment.equals("normal") && (sentiment.contains("hateful")
        || (!r.get("target").equals("other") && !r.get("group").equals("individual") && !r.get("group").equals("other")));
  }

  /** MLMA has no splits: a fifth of the texts are dev, by the hash of the lower-cased text, so that repeated tweets share one split. */
  static boolean mlmaDev(String text) {
    return Math.floorMod(text.strip().toLowerCase(java.util.Locale.ROOT).hashCode(), 5) == 0;
  }

  /**
   * The project's own neutral and positive sentences about groups (training only). Each counts as a text of the
   * language's adversarial dataset (HatemojiBuild, GAHD), so that the balancing weights give it an ordinary text's
   * weight instead of a dataset's share.
   */
  static List<LabelledText> own(Path file) throws IOException {
    List<LabelledText> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] columns = line.split("\t", 3);
      rows.add(new LabelledText(columns[0].equals("en") ? "hatemoji" : "gahd", columns[0], columns[2], columns[1].equals("1"), false));
    }
    return rows;
  }

  private static List<LabelledText> read(Path file, java.util.function.Function<CSVRecord, LabelledText> map) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<LabelledText> rows = new ArrayList<>();
      for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true).build().parse(reader)) {
        rows.add(map.apply(record));
      }
      return rows;
    }
  }
}
