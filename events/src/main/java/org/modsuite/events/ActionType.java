package org.modsuite.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a moderation decision does to a post on its platform. */
public enum ActionType {
  REMOVE, RESTRICT, RESTORE, LABEL, NO_ACTION;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
