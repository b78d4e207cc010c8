package org.modsuite.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** What happened to a post at its source. */
public enum PostOp {
  CREATE, UPDATE, DELETE, SNAPSHOT;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
