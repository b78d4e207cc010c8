package org.modsuite.moderation.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The versioned term list of the first analyser, read from TSV resources (see their headers for the columns): the first
 * lexicon (English, German) and one file per further language ({@link #LANGUAGE_FILES}, lexicon/README.md). Its
 * version is the first lexicon's, plus {@code +lexicons-} and the first 8 hex digits of the SHA-256 of the language
 * files, so that changing any term changes the version the model names.
 */
public record Lexicon(String version, List<Entry> entries) {

  /** One line of the lexicon: a whole-word pattern of a kind, for one language or all. */
  public record Entry(String id, String language, String kind, double weight, Pattern pattern) {

    /**
     * Whether the entry is read in a post of {@code lang}. A post of unknown language (null) is read with the first
     * lexicon's English and German terms only: the other languages' short words (French {@code les}, Spanish {@code no})
     * would otherwise fire in every post.
     */
    boolean appliesTo(String lang) {
      return "*".equals(language) || language.equals(lang) || (lang == null && FIRST_LANGUAGES.contains(language));
    }
  }

  public static final String RESOURCE = "/lexicon/first-lexicon.tsv";
  /** The languages of the first lexicon, the only ones read in a post whose language is unknown. */
  static final Set<String> FIRST_LANGUAGES = Set.of("en", "de");
  /** The languages with a lexicon of their own, {@code /lexicon/<lang>.tsv}. */
  public static final List<String> LANGUAGE_FILES = List.of("ar", "es", "fa", "fr", "ru", "tr", "uk");

  public static Lexicon load() {
    Lexicon first = parse(read(RESOURCE));
    List<Entry> entries = new ArrayList<>(first.entries());
    StringBuilder all = new StringBuilder();
    for (String language : LANGUAGE_FILES) {
      String content = read("/lexicon/" + language + ".tsv");
      all.append(content);
      for (Entry entry : parse("version\t" + language + "\n" + content).entries()) {
        if (!entry.language().equals(language)) {
          throw new IllegalStateException("lexicon " + language + ".tsv has an entry " + entry.id() + " of language " + entry.language());
        }
        entries.add(entry);
      }
    }
    return new Lexicon(first.version() + "+lexicons-" + sha256(all.toString()).substring(0, 8), List.copyOf(entries));
  }

  /** The languages with terms of their own: en, de and {@link #LANGUAGE_FILES}. */
  public Set<String> languages() {
    return entries.stream().map(Entry::language).filter(l -> !"*".equals(l)).collect(Collectors.toCollection(TreeSet::new));
  }

  private static String read(String resource) {
    try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("lexicon resource " + resource + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Lexicon parse(String content) {
    try {
      return parse(new BufferedReader(new StringReader(content)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(String content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
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
