package org.modsuite.report.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart drawn as inline SVG by the template (no script, no chart library, nothing the strict CSP
 * blocks): bars scaled to the largest value, each with its label and figure.
 */
public record BarChart(String id, String titleKey, List<Bar> bars, int height) {

  static final int BAR_HEIGHT = 22;
  static final int MAX_WIDTH = 300;

  /** One bar: y is its top, width its length in SVG units. */
  public record Bar(String label, long value, int y, int width, int textY, int valueX) {
  }

  public static BarChart of(String id, String titleKey, List<String> labels, List<Long> values) {
    long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      long v = values.get(i);
      int width = max == 0 ? 0 : (int) Math.max(v > 0 ? 2 : 0, Math.round((double) v / max * MAX_WIDTH));
      int y = i * (BAR_HEIGHT + 6);
      bars.add(new Bar(labels.get(i), v, y, width, y + 16, 206 + width));
    }
    return new BarChart(id, titleKey, bars, Math.max(BAR_HEIGHT, labels.size() * (BAR_HEIGHT + 6)));
  }

  public boolean empty() {
    return bars.stream().allMatch(b -> b.value() == 0);
  }
}
