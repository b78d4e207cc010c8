package org.modsuite.moderation.service;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One replica's cumulative counts for one shadow rule in one form, as kept in {@code moderation.shadow-counts}.
 *
 * @param replica the replica that counted ({@code modsuite.moderation.shadow.replica-id})
 * @param ruleVersion the rule's {@link ContentVersions#rule version}: an edited rule is another version, counted anew
 * @param since when this replica analysed its first post with the rule in this form
 * @param updatedAt when the replica published these counts
 */
public record ShadowCount(String replica, String language, String ruleId, String ruleVersion, Instant since, long evaluated, long matched,
    long wouldChange, Instant updatedAt) {

  /** The topic key: one record per replica and rule version, replaced by each publication. */
  @JsonIgnore
  public String key() {
    return keyOf(replica, language, ruleId, ruleVersion);
  }

  public static String keyOf(String replica, String language, String ruleId, String ruleVersion) {
    return replica + "|" + ruleKey(language, ruleId, ruleVersion);
  }

  /** The rule version this count belongs to, whichever replica counted. */
  @JsonIgnore
  public String ruleKey() {
    return ruleKey(language, ruleId, ruleVersion);
  }

  public static String ruleKey(String language, String ruleId, String ruleVersion) {
    return language + "|" + ruleId + "|" + ruleVersion;
  }

  /** Whether the counts equal {@code other}'s (the time of publication aside). */
  public boolean sameCounts(ShadowCount other) {
    return other != null && evaluated == other.evaluated && matched == other.matched && wouldChange == other.wouldChange;
  }
}
