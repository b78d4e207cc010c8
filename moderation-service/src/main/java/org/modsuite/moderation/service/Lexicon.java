package org.modsuite.moderation.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The versioned term list of the first analyser, read from a TSV resource (see its header for the columns). */
public record Lexicon(String version, List<Entry> entries) {

  /** One line of the lexicon: a whole-word pattern of a kind, for one language or all. */
  public record Entry(String id, String language, String kind, double weight, Pattern pattern) {

    boolean appliesTo(String lang) {
      return "*".equals(language) || lang == null || language.equals(lang);
    }
  }

  public static final String RESOURCE = "/lexicon/first-lexicon.tsv";

  public static Lexicon load() {
    try (InputStream in = Lexicon.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("lexicon resource " + RESOURCE + " is missing");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Lexicon parse(BufferedReader reader) throws IOException {
    String version = null;
    List<Entry> entries = new ArrayList<>();
    int lineNo = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t");
      if (cols[0].equals("version") && cols.length == 2) {
        version = cols[1];
        continue;
      }
      if (cols.length != 5) {
        throw new IllegalStateException("lexicon line " + lineNo + " has " + cols.length + " columns, expected 5");
      }
      Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + cols[4] + ")(?![\\p{L}\\p{N}])", Pattern.UNICODE_CASE);
      entries.add(new Entry(cols[0], cols[1], cols[2], Double.parseDouble(cols[3]), pattern));
    }
    if (version == null) {
      throw new IllegalStateException("lexicon has no version line");
    }
    return new Lexicon(version, List.copyOf(entries));
  }
}
