package org.modsuite.ingestion.service;

import java.util.Objects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The post versions published lately, to drop a push that repeats one: keyed by postUid, holding the fingerprint
 * (operation, version, text hash) of the last published version. Bounded and in memory, so after a restart or for
 * an old post a duplicate can still pass; the consumers are idempotent on postUid and version, which is the guarantee.
 */
public final class RecentPosts {

  private final Cache<String, Integer> published;

  public RecentPosts(long capacity) {
    this.published = Caffeine.newBuilder().maximumSize(capacity).build();
  }

  public static int fingerprint(String op, long version, String text) {
    return Objects.hash(op, version, text);
  }

  public boolean seen(String postUid, int fingerprint) {
    Integer last = published.getIfPresent(postUid);
    return last != null && last == fingerprint;
  }

  public void remember(String postUid, int fingerprint) {
    published.put(postUid, fingerprint);
  }

  /**
   * Claims a version before it is sent, atomically: false when this version is the one remembered (a duplicate), else
   * it becomes the remembered one. Two sources delivering the same post at the same moment (one status through two
   * Mastodon instances) thus publish it once. {@link #release} undoes a claim whose send failed.
   */
  public boolean claim(String postUid, int fingerprint) {
    boolean[] claimed = {false};
    published.asMap().compute(postUid, (uid, last) -> {
      if (last != null && last == fingerprint) {
        return last;
      }
      claimed[0] = true;
      return fingerprint;
    });
    return claimed[0];
  }

  /** Forgets a claimed version that Kafka did not acknowledge, so that a retry is sent. */
  public void release(String postUid, int fingerprint) {
    published.asMap().remove(postUid, fingerprint);
  }
}
