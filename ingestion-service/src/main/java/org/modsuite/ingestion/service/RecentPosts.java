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
}
