package org.modsuite.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.modsuite.events.Reason;
import org.modsuite.events.Span;

class HighlightedTextTests {

  private static Reason reason(String id, Span... spans) {
    return new Reason("rule", id, "insult", null, List.of(spans), null);
  }

  @Test
  void spansBecomeHighlightedPiecesNamingTheirReasons() {
    var pieces = HighlightedText.of("you are a rat, a dirty rat", List.of(reason("r1", new Span(10, 13)), reason("r2", new Span(15, 26))));
    assertThat(pieces).extracting(HighlightedText.Piece::text).containsExactly("you are a ", "rat", ", ", "a dirty rat");
    assertThat(pieces).extracting(HighlightedText.Piece::highlighted).containsExactly(false, true, false, true);
    assertThat(pieces.get(1).reasons()).isEqualTo("r1");
  }

  @Test
  void overlappingSpansNameBothReasonsAndSpansBeyondTheTextAreClipped() {
    var pieces = HighlightedText.of("abcdef", List.of(reason("a", new Span(1, 4)), reason("b", new Span(3, 99))));
    assertThat(pieces).extracting(HighlightedText.Piece::text).containsExactly("a", "bc", "d", "ef");
    assertThat(pieces).extracting(HighlightedText.Piece::reasons).containsExactly(null, "a", "a, b", "b");
  }

  @Test
  void shieldsWhichLoweredTheScoresAreNotHighlighted() {
    Reason shield = new Reason("rule", "en.shield.news", null, "not flagged as attack: news", List.of(new Span(0, 6)), 0.35);
    var pieces = HighlightedText.of("police: a rat", List.of(shield, reason("r1", new Span(10, 13))));
    assertThat(pieces).extracting(HighlightedText.Piece::highlighted).containsExactly(false, true);
  }

  @Test
  void noTextNoPiecesAndNoReasonsOnePlainPiece() {
    assertThat(HighlightedText.of(null, List.of())).isEmpty();
    assertThat(HighlightedText.of("plain", null)).containsExactly(new HighlightedText.Piece("plain", false, null));
  }
}
