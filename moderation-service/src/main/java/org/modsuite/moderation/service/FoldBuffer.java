package org.modsuite.moderation.service;

import java.util.Arrays;

/**
 * Folded characters under construction, each with the range {@code [start, end)} of the original text it stands
 * for. Each step of {@link TextNormaliser} reads one buffer and writes the next.
 */
final class FoldBuffer {

  private char[] text;
  private int[] start;
  private int[] end;
  private int length;

  FoldBuffer(int capacity) {
    int c = Math.max(capacity, 16);
    text = new char[c];
    start = new int[c];
    end = new int[c];
  }

  int length() {
    return length;
  }

  char charAt(int i) {
    return text[i];
  }

  int start(int i) {
    return start[i];
  }

  int end(int i) {
    return end[i];
  }

  void append(char c, int originalStart, int originalEnd) {
    if (length == text.length) {
      int c2 = text.length * 2;
      text = Arrays.copyOf(text, c2);
      start = Arrays.copyOf(start, c2);
      end = Arrays.copyOf(end, c2);
    }
    text[length] = c;
    start[length] = originalStart;
    end[length] = originalEnd;
    length++;
  }

  /** Every character of {@code s} stands for the same original range (an emoji's name, an NFKC expansion). */
  void append(String s, int originalStart, int originalEnd) {
    for (int k = 0; k < s.length(); k++) {
      append(s.charAt(k), originalStart, originalEnd);
    }
  }

  /** Copies character {@code i} of another buffer with its range. */
  void copy(FoldBuffer from, int i) {
    append(from.text[i], from.start[i], from.end[i]);
  }

  TextNormaliser.Folded toFolded() {
    return new TextNormaliser.Folded(new String(text, 0, length), Arrays.copyOf(start, length), Arrays.copyOf(end, length));
  }
}
