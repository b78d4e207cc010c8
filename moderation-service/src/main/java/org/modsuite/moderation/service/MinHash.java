package org.modsuite.moderation.service;

import java.util.Arrays;
import java.util.Collection;

/**
 * MinHash signatures of shingle sets: the share of positions at which two signatures agree estimates the Jaccard
 * similarity of the sets (error about 1/sqrt(SIZE), ±0.09 here). The hash functions are fixed (seeded constants), so a
 * signature written by one replica or release compares with one computed by another. {@link #bandKeys} is the
 * locality-sensitive index: two signatures share a band key with probability 1 - (1 - J^ROWS)^BANDS (0.99 at J = 0.6).
 */
public final class MinHash {

  public static final int SIZE = 128;
  static final int ROWS = 4;
  static final int BANDS = SIZE / ROWS;
  private static final long[] SEEDS = new long[SIZE];

  static {
    long x = 0x6D6F647375697465L; // "modsuite": any constant works, as long as it never changes
    for (int i = 0; i < SIZE; i++) {
      x += 0x9E3779B97F4A7C15L;
      SEEDS[i] = mix(x);
    }
  }

  private MinHash() {
  }

  /** The signature of a non-empty set of shingles. */
  public static int[] signature(Collection<String> shingles) {
    if (shingles.isEmpty()) {
      throw new IllegalArgumentException("no shingles");
    }
    int[] signature = new int[SIZE];
    Arrays.fill(signature, Integer.MAX_VALUE);
    for (String shingle : shingles) {
      long h = fnv1a(shingle);
      for (int i = 0; i < SIZE; i++) {
        int v = (int) (mix(h ^ SEEDS[i]) >>> 33); // non-negative
        if (v < signature[i]) {
          signature[i] = v;
        }
      }
    }
    return signature;
  }

  /** Estimated Jaccard similarity, 0..1. */
  public static double similarity(int[] a, int[] b) {
    if (a.length != SIZE || b.length != SIZE) {
      throw new IllegalArgumentException("signatures must have " + SIZE + " values");
    }
    int same = 0;
    for (int i = 0; i < SIZE; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return (double) same / SIZE;
  }

  /** One key per band of ROWS values, the band's number mixed in, so that equal rows of different bands do not collide. */
  static long[] bandKeys(int[] signature) {
    long[] keys = new long[BANDS];
    for (int band = 0; band < BANDS; band++) {
      long h = band;
      for (int r = 0; r < ROWS; r++) {
        h = mix(h * 31 + signature[band * ROWS + r]);
      }
      keys[band] = h;
    }
    return keys;
  }

  /** SplitMix64's finaliser: a good 64-bit mixer. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** FNV-1a over the UTF-16 units: the same value on every JVM, which signatures stored in Kafka need. */
  private static long fnv1a(String s) {
    long h = 0xCBF29CE484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001B3L;
    }
    return h;
  }
}
