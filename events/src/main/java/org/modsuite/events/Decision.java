package org.modsuite.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** The analysis outcome: leave up, send to a moderator, or remove automatically under the policy. */
public enum Decision {
  ALLOW, REVIEW, REMOVE;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether a moderator or the record chain has to look at the post. */
  public boolean opensCase() {
    return this != ALLOW;
  }
}
