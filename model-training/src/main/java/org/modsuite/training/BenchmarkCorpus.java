package org.modsuite.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The mixed English/German corpus of the moderation benchmark ({@code model-training/benchmark/corpus.jsonl}): 1,000
 * English and 1,000 German posts drawn with a fixed seed from the training splits (never the dev splits) and the demo
 * sample, shuffled together. One JSON object per line: {@code source}, {@code language}, {@code text}. Deterministic:
 * running it again writes the same file. {@code ./run --benchmark-moderation} and {@link NaiveBaselineBenchmark} read it.
 *
 * <p>Usage: {@code BenchmarkCorpus [data dir] [demo posts] [output]}.
 */
public final class BenchmarkCorpus {

  public static final Path DEFAULT_FILE = Path.of("model-training/benchmark/corpus.jsonl");
  private static final long SEED = 4; // issue #4
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One post of the corpus. */
  public record Post(String source, String language, String text) {
  }

  /** How many posts each source gives, by language (training splits only). */
  static final Map<String, Integer> SHARES = shares();

  private BenchmarkCorpus() {
  }

  private static Map<String, Integer> shares() {
    Map<String, Integer> shares = new LinkedHashMap<>();
    shares.put("demo", 200); // all of it: 110 English, 90 German
    shares.put("gahd", 910); // German, train split
    shares.put("hatemoji", 390); // English, train split
    shares.put("davidson", 500); // English, train rows (index not a multiple of 10)
    return shares;
  }

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args.length > 0 ? args[0] : "model-training/data");
    Path demo = Path.of(args.length > 1 ? args[1] : "local-stack/src/main/resources/demo/demo-posts.jsonl");
    Path out = Path.of(args.length > 2 ? args[2] : DEFAULT_FILE.toString());
    List<Post> posts = build(data, demo);
    List<String> lines = new ArrayList<>();
    for (Post post : posts) {
      lines.add(JSON.writeValueAsString(post));
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.write(out, lines, StandardCharsets.UTF_8);
    System.out.printf("wrote %d posts to %s: %d English, %d German%n", posts.size(), out,
        posts.stream().filter(p -> p.language().equals("en")).count(), posts.stream().filter(p -> p.language().equals("de")).count());
  }

  static List<Post> build(Path data, Path demo) throws IOException {
    Random random = new Random(SEED);
    List<Post> posts = new ArrayList<>();
    for (String line : Files.readAllLines(demo, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        JsonNode node = JSON.readTree(line);
        posts.add(new Post("demo", node.get("language").asText(), node.get("text").asText()));
      }
    }
    List<LabelledText> all = Datasets.published(data);
    for (Map.Entry<String, Integer> share : SHARES.entrySet()) {
      if (share.getKey().equals("demo")) {
        continue;
      }
      List<LabelledText> train = new ArrayList<>(all.stream().filter(t -> t.dataset().equals(share.getKey()) && !t.dev() && !t.text().isBlank())
          .toList());
      Collections.shuffle(train, random);
      train.stream().limit(share.getValue()).forEach(t -> posts.add(new Post(t.dataset(), t.language(), t.text())));
    }
    Collections.shuffle(posts, random);
    return posts;
  }

  /** Reads a corpus file written by {@link #main}. */
  public static List<Post> read(Path file) throws IOException {
    List<Post> posts = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        posts.add(JSON.readValue(line, Post.class));
      }
    }
    return posts;
  }
}
