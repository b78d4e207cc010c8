package org.modsuite.events;

/** A half-open character range {@code [start, end)} in the post's original text. */
public record Span(int start, int end) {

  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("span must satisfy 0 <= start <= end");
    }
  }
}
