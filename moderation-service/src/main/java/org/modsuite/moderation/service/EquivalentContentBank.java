package org.modsuite.moderation.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Fingerprints of removed content (CJEU C-18/18, Glawischnig-Piesczek: content identical or equivalent to content
 * found unlawful), in memory, indexed by exact hash and by MinHash bands. Thread-safe; lookups do not block each other.
 * It holds what {@code moderation.bank} holds; {@link org.modsuite.moderation.repository.BankRepository} keeps it so.
 */
public final class EquivalentContentBank {

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, BankEntry> byPost = new HashMap<>();
  private final Map<String, Set<String>> byExact = new HashMap<>();
  private final Map<Long, Set<String>> byBand = new HashMap<>();

  /** Adds or replaces the entry of its post. */
  public void put(BankEntry entry) {
    lock.writeLock().lock();
    try {
      removeLocked(entry.postUid());
      byPost.put(entry.postUid(), entry);
      byExact.computeIfAbsent(entry.fingerprint().exact(), k -> new HashSet<>()).add(entry.postUid());
      if (entry.fingerprint().minHash() != null) {
        for (long key : MinHash.bandKeys(entry.fingerprint().minHash())) {
          byBand.computeIfAbsent(key, k -> new HashSet<>()).add(entry.postUid());
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Forgets the post's entry (a restore); nothing happens when there is none. */
  public void remove(String postUid) {
    lock.writeLock().lock();
    try {
      removeLocked(postUid);
    } finally {
      lock.writeLock().unlock();
    }
  }

  public int size() {
    lock.readLock().lock();
    try {
      return byPost.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Every entry the text matches, exact matches first, then by similarity: applied and suppressed ones (see
   * {@link BankMatch#suppressedBy()}). Near candidates come from the band index, so a pair far below the threshold
   * is rarely even compared.
   */
  public List<BankMatch> match(ContentFingerprint text, double nearThreshold) {
    List<BankMatch> matches = new ArrayList<>();
    lock.readLock().lock();
    try {
      Set<String> exact = byExact.getOrDefault(text.exact(), Set.of());
      for (String postUid : exact) {
        matches.add(match(BankMatch.EXACT, byPost.get(postUid), 1.0, text));
      }
      if (text.minHash() != null) {
        Set<String> candidates = new HashSet<>();
        for (long key : MinHash.bandKeys(text.minHash())) {
          candidates.addAll(byBand.getOrDefault(key, Set.of()));
        }
        candidates.removeAll(exact);
        for (String postUid : candidates) {
          BankEntry entry = byPost.get(postUid);
          double similarity = MinHash.similarity(text.minHash(), entry.fingerprint().minHash());
          if (similarity >= nearThreshold) {
            matches.add(match(BankMatch.NEAR, entry, similarity, text));
          }
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    matches.sort(Comparator.comparing((BankMatch m) -> !m.kind().equals(BankMatch.EXACT)).thenComparing(BankMatch::similarity, Comparator.reverseOrder())
        .thenComparing(BankMatch::postUid));
    return matches;
  }

  /** Framing the new text has and the removed one had not: quoting or condemning it, not repeating it. */
  private static BankMatch match(String kind, BankEntry entry, double similarity, ContentFingerprint text) {
    Set<String> added = new TreeSet<>(text.framing());
    added.removeAll(entry.fingerprint().framing());
    return new BankMatch(kind, entry.postUid(), entry.decisionId(), Math.round(similarity * 1000) / 1000.0, Set.copyOf(added));
  }

  private void removeLocked(String postUid) {
    BankEntry old = byPost.remove(postUid);
    if (old == null) {
      return;
    }
    removeFrom(byExact, old.fingerprint().exact(), postUid);
    if (old.fingerprint().minHash() != null) {
      for (long key : MinHash.bandKeys(old.fingerprint().minHash())) {
        removeFrom(byBand, key, postUid);
      }
    }
  }

  private static <K> void removeFrom(Map<K, Set<String>> index, K key, String postUid) {
    Set<String> posts = index.get(key);
    if (posts != null && posts.remove(postUid) && posts.isEmpty()) {
      index.remove(key);
    }
  }
}
