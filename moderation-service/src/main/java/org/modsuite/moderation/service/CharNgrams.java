package org.modsuite.moderation.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Character n-gram features {@code c:<bucket>} of the classifier: the n-grams of {@code min}..{@code max} characters of
 * each folded word, with a boundary mark before and after it (shown as {@code _}: so {@code _pac} and {@code ack_}
 * differ from an inner {@code pac}, {@code ack}), hashed into a fixed number of buckets. They let the model see parts of words: misspelt and
 * obfuscated forms the folding did not undo, inflections and German compounds (Asylantenpack, Flüchtlingsflut) whose
 * whole word never occurred in training.
 *
 * <p>Hashed straight from the word's characters (FNV-1a, extended one character at a time, then mixed), so no
 * substring is made. Training sees them as named features ({@link #addTo}); the service never names them:
 * {@link HateClassifier} reads the post's {@link #buckets} and adds their weights from an array. Hashing instead of a
 * vocabulary keeps the weight file bounded whatever the training data; two n-grams that share a bucket share a weight.
 * A bucket counts once per post, however often its n-grams occur.
 */
public final class CharNgrams {

  /** What {@link ClassifierFeatures#of} computes, chosen on the dev splits (see the model card, "What was tried"). */
  public static final CharNgrams SHIPPED = of(3, 5, 1 << 16, 3, true);

  public static final String PREFIX = "c:";
  private static final char BOUNDARY = '\u0001';
  private static final int FNV_OFFSET = 0x811c9dc5;
  private static final int FNV_PRIME = 0x01000193;

  private final int min;
  private final int max;
  private final int buckets;
  private final double scale;
  private final boolean normalised;
  private final String[] names;
  private final ThreadLocal<Buckets> scratch;

  private CharNgrams(int min, int max, int buckets, double scale, boolean normalised) {
    if (min < 1 || max < min || Integer.bitCount(buckets) != 1) {
      throw new IllegalArgumentException("char n-grams " + min + "-" + max + " in " + buckets + " buckets");
    }
    this.min = min;
    this.max = max;
    this.buckets = buckets;
    this.scale = scale;
    this.normalised = normalised;
    this.names = new String[buckets];
    this.scratch = ThreadLocal.withInitial(() -> new Buckets(buckets));
  }

  /**
   * @param min the shortest n-gram, boundary marks counted
   * @param max the longest n-gram, boundary marks counted
   * @param buckets a power of two
   * @param scale the value of an n-gram present
   * @param normalised whether that value is divided by the square root of the post's number of n-grams, so that a long
   *     post's hundreds of n-grams do not outweigh its words, stems and rule hits
   */
  public static CharNgrams of(int min, int max, int buckets, double scale, boolean normalised) {
    return new CharNgrams(min, max, buckets, scale, normalised);
  }

  /**
   * How the model file names this definition ({@code @char-ngrams} line): range, buckets and value, e.g.
   * {@code 2-5/262144/1/sqrt} (1 divided by the square root of the number of n-grams).
   */
  public String describe() {
    return min + "-" + max + "/" + buckets + "/" + (scale == Math.rint(scale) ? String.valueOf((long) scale) : String.valueOf(scale))
        + (normalised ? "/sqrt" : "");
  }

  /**
   * The distinct buckets of a post's n-grams, in order of first occurrence, and the value each has: a per-thread scratch
   * that the next call on the same thread overwrites, so that scoring a post allocates nothing for its n-grams.
   */
  public static final class Buckets {

    private int[] ids = new int[512];
    private int count;
    private double value;
    private final int[] seenIn;
    private int post;

    private Buckets(int buckets) {
      seenIn = new int[buckets];
    }

    public int count() {
      return count;
    }

    public int id(int i) {
      return ids[i];
    }

    /** The value of every bucket present (see {@link CharNgrams#of}). */
    public double value() {
      return value;
    }

    private void start(double valueOfEach) {
      count = 0;
      value = valueOfEach;
      if (++post == 0) { // wrapped after 2^32 posts: forget what was seen
        Arrays.fill(seenIn, 0);
        post = 1;
      }
    }

    private void add(int bucket) {
      if (seenIn[bucket] != post) {
        seenIn[bucket] = post;
        if (count == ids.length) {
          ids = Arrays.copyOf(ids, count * 2);
        }
        ids[count++] = bucket;
      }
    }
  }

  /** The buckets of the words' n-grams (see {@link Buckets}: valid until this thread's next call). */
  public Buckets buckets(List<String> words) {
    Buckets found = scratch.get();
    double value = scale;
    if (normalised) {
      int total = 0;
      for (String word : words) {
        int padded = word.length() + 2;
        for (int n = min; n <= max && n <= padded; n++) {
          total += padded - n + 1;
        }
      }
      value = total == 0 ? scale : scale / Math.sqrt(total);
    }
    found.start(value);
    for (String word : words) {
      int padded = word.length() + 2;
      for (int start = 0; start < padded; start++) {
        int hash = FNV_OFFSET;
        int end = Math.min(padded, start + max);
        for (int i = start; i < end; i++) {
          char c = i == 0 || i == padded - 1 ? BOUNDARY : word.charAt(i - 1);
          hash = (hash ^ c) * FNV_PRIME;
          if (i - start + 1 >= min) {
            found.add(mix(hash) & (buckets - 1));
          }
        }
      }
    }
    return found;
  }

  /** Adds the n-grams of every word to {@code features} as {@code c:<bucket>} (what training sees; see {@link #of}). */
  public void addTo(List<String> words, Map<String, Double> features) {
    Buckets found = buckets(words);
    Double value = found.value();
    for (int i = 0; i < found.count(); i++) {
      features.put(name(found.id(i)), value);
    }
  }

  /** The number of buckets. */
  public int size() {
    return buckets;
  }

  /** The n-grams of {@code words} that fall into {@code bucket}, for an explanation; allocates, unlike {@link #addTo}. */
  public List<String> ngramsIn(List<String> words, int bucket) {
    List<String> found = new ArrayList<>();
    for (String word : words) {
      String padded = BOUNDARY + word + BOUNDARY;
      for (int start = 0; start < padded.length(); start++) {
        int hash = FNV_OFFSET;
        for (int i = start; i < Math.min(padded.length(), start + max); i++) {
          hash = (hash ^ padded.charAt(i)) * FNV_PRIME;
          if (i - start + 1 >= min && (mix(hash) & (buckets - 1)) == bucket) {
            String ngram = padded.substring(start, i + 1).replace(BOUNDARY, '_');
            if (!found.contains(ngram)) {
              found.add(ngram);
            }
          }
        }
      }
    }
    return found;
  }

  /** The feature name of a bucket, {@code c:<bucket>}, made on first use; a race makes an equal string twice, which is harmless. */
  public String name(int bucket) {
    String name = names[bucket];
    if (name == null) {
      name = PREFIX + bucket;
      names[bucket] = name;
    }
    return name;
  }

  /** MurmurHash3's finaliser: FNV's low bits alone are poorly mixed. */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }
}
