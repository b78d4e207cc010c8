package org.modsuite.events;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

/**
 * Reads instants in the form events are written in ({@code 2026-11-22T20:30:31.123456Z}: UTC, 0–9 fraction digits)
 * by hand, and any other form through Jackson's own deserializer. Parsing through {@code DateTimeFormatter} was half
 * the cost of reading a {@code PostEvent}, which moderation-service does for every post.
 */
final class UtcInstantDeserializer extends StdScalarDeserializer<Instant> {

  private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000};

  UtcInstantDeserializer() {
    super(Instant.class);
  }

  @Override
  public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.hasToken(JsonToken.VALUE_STRING)) {
      Instant utc = parseUtc(parser.getText());
      if (utc != null) {
        return utc;
      }
    }
    return InstantDeserializer.INSTANT.deserialize(parser, context);
  }

  /** The instant, or null when {@code text} is not {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} with valid fields. */
  static Instant parseUtc(String text) {
    int length = text.length();
    if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
        || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    int nanos = 0;
    if (length > 20) {
      int fractionDigits = length - 21;
      if (text.charAt(19) != '.' || fractionDigits == 0) {
        return null;
      }
      int fraction = digits(text, 20, length - 1);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction * POWERS_OF_TEN[9 - fractionDigits];
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    try {
      return Instant.ofEpochSecond(LocalDate.of(year, month, day).toEpochDay() * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    } catch (DateTimeException e) { // a month or day out of range: Jackson's deserializer names the problem
      return null;
    }
  }

  /** The decimal number in {@code text[from, to)}, or -1 if a character is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
