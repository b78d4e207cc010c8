package org.modsuite.report.web;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import io.quarkus.qute.TemplateExtension;

/** Formatting helpers for the dashboard's templates. */
@TemplateExtension
public final class PageExtensions {

  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private PageExtensions() {
  }

  /** {@code {t.fmt('queue_total', 12)}}: a text of the bundle with its {0}, {1} filled in. */
  static String fmt(Map<String, String> texts, String key, Object arg) {
    return new MessageFormat(texts.getOrDefault(key, key).replace("'", "''"), Locale.ROOT).format(new Object[] {arg});
  }

  static String fmt2(Map<String, String> texts, String key, Object arg0, Object arg1) {
    return new MessageFormat(texts.getOrDefault(key, key).replace("'", "''"), Locale.ROOT).format(new Object[] {arg0, arg1});
  }

  /** A text by a key computed in the template, e.g. a navigation item's. */
  static String text(Map<String, String> texts, String key) {
    return texts.getOrDefault(key, key);
  }

  /** An instant as {@code yyyy-MM-dd HH:mm} in UTC. */
  static String utc(Instant instant) {
    return UTC.format(instant);
  }

  /** Whole hours between two instants, for "time taken". */
  static long hoursUntil(Instant from, Instant to) {
    return Duration.between(from, to).toHours();
  }
}
