package org.modsuite.events;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Finds U+0000 (NUL) in a record's JSON. PostgreSQL's text types cannot hold it (SQLSTATE 22021 in a UTF8
 * database), and it is the only character they refuse there. Consumers that store events dead-letter such a record
 * with {@link #refuse} instead of removing the character: a post's text and ids are evidence and identity, and an
 * altered copy would be neither.
 */
public final class NulCharacters {

  private static final JsonFactory JSON = new JsonFactory();

  private NulCharacters() {
  }

  /**
   * The JSON pointer (such as {@code /sourceId} or {@code /reasons/0/text}) of the first string or field name holding
   * U+0000, or empty when there is none or the JSON cannot be read (the parser reports that better).
   */
  public static Optional<String> firstField(String json) {
    if (json == null || json.indexOf('\u0000') < 0 && !json.contains("\\u0000")) {
      return Optional.empty(); // the common case, without parsing
    }
    try (JsonParser parser = JSON.createParser(json)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) && parser.getText().indexOf('\u0000') >= 0) {
          String pointer = parser.getParsingContext().pathAsPointer().toString();
          return Optional.of(pointer.isEmpty() ? "/" : pointer);
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** Throws {@link InvalidEventException} naming the field if the record holds U+0000. */
  public static void refuse(String json, Class<?> type) {
    firstField(json).ifPresent(field -> {
      throw new InvalidEventException("invalid " + type.getSimpleName() + ": " + field
          + " contains U+0000 (NUL), which PostgreSQL text cannot store; the record is kept unchanged here", null);
    });
  }
}
