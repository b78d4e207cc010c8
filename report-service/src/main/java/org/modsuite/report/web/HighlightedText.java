package org.modsuite.report.web;

import java.util.ArrayList;
import java.util.List;

import org.modsuite.events.Reason;
import org.modsuite.events.Span;

/**
 * A post's text cut into plain and highlighted pieces by the spans of the analysis' attack reasons (offsets into the
 * original text, half-open; overlapping spans are merged, spans beyond the text are clipped).
 */
public final class HighlightedText {

  /** One piece of the text; {@code reasons} names the reasons that matched a highlighted piece. */
  public record Piece(String text, boolean highlighted, String reasons) {
  }

  private HighlightedText() {
  }

  public static List<Piece> of(String text, List<Reason> reasons) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    int n = text.length();
    String[] labels = new String[n];
    if (reasons != null) {
      for (Reason r : reasons) {
        if (r.category() == null) {
          continue; // a shield (negation, quotation, news …): it lowered the scores, it did not trigger them
        }
        for (Span span : r.spans()) {
          for (int i = Math.min(span.start(), n); i < Math.min(span.end(), n); i++) {
            labels[i] = labels[i] == null ? r.id() : labels[i].contains(r.id()) ? labels[i] : labels[i] + ", " + r.id();
          }
        }
      }
    }
    List<Piece> pieces = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= n; i++) {
      boolean boundary = i == n || !java.util.Objects.equals(labels[i], labels[start]);
      if (boundary) {
        pieces.add(new Piece(text.substring(start, i), labels[start] != null, labels[start]));
        start = i;
      }
    }
    return pieces;
  }
}
