package org.modsuite.moderation.service.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * German contractions as the cheap pipeline's {@code mwt} annotator splits them ("ins" → "in das", "zum" → "zu dem"),
 * from the same mapping file. Rules see the split tokens, so a lexicon entry written as people write it ("ins gas",
 * "aufs maul") is expanded the same way; without it such entries never matched.
 */
final class Contractions {

  static final String GERMAN_MAPPING = "edu/stanford/nlp/models/mwt/german/german-mwt.tsv";
  private static final Map<String, String> GERMAN = load(GERMAN_MAPPING);

  private Contractions() {
  }

  /** Every lexicon with each contracted word of its entries split as the pipeline of {@code language} splits it. */
  static Map<String, List<String>> expand(Map<String, List<String>> lexicons, String language) {
    if (!"de".equals(language)) {
      return lexicons;
    }
    Map<String, List<String>> expanded = new LinkedHashMap<>();
    lexicons.forEach((name, entries) -> expanded.put(name, entries.stream().map(Contractions::expand).toList()));
    return expanded;
  }

  static String expand(String entry) {
    return Arrays.stream(entry.trim().split("\\s+")).map(word -> GERMAN.getOrDefault(word, word)).collect(Collectors.joining(" "));
  }

  /** contraction (lower case, as rules see folded text) → its words, space-separated. */
  private static Map<String, String> load(String resource) {
    Map<String, String> map = new LinkedHashMap<>();
    try (InputStream in = Contractions.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the class path (CoreNLP's German models)");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] columns = line.split("\t");
        if (columns.length == 2) {
          map.put(columns[0].toLowerCase(Locale.ROOT), columns[1].replace(',', ' ').toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(map);
  }
}
