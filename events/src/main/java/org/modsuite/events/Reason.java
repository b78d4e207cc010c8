package org.modsuite.events;

import java.util.List;
import java.util.Objects;

/**
 * Why an analysis scored as it did: a rule or lexicon entry with the category it supports and the
 * spans it matched, or a classifier feature with its weight.
 */
public record Reason(String kind, String id, String category, String description, List<Span> spans, Double weight) {

  public Reason {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    spans = spans == null ? List.of() : List.copyOf(spans);
  }
}
