package org.modsuite.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON form of events on the wire. Consumers read records as strings and parse them here, so
 * that a record which cannot be parsed reaches the dead-letter topic unchanged, with the reason.
 */
public final class EventJson {

  private static final ObjectMapper MAPPER = configure(new ObjectMapper());

  private EventJson() {
  }

  /** Applies the wire settings: ISO-8601 instants, nulls left out, unknown fields ignored (forward compatible). */
  public static ObjectMapper configure(ObjectMapper mapper) {
    return mapper.registerModule(new JavaTimeModule())
        .registerModule(new SimpleModule("modsuite-instants").addDeserializer(Instant.class, new UtcInstantDeserializer())
            .addSerializer(Instant.class, new UtcInstantSerializer()))
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL);
  }

  public static String write(Object event) {
    try {
      return MAPPER.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event cannot be written as JSON", e);
    }
  }

  /** Parses an event, naming the first problem: JSON syntax, or the field that is missing or wrong. */
  public static <T> T read(String json, Class<T> type) {
    if (json == null || json.isBlank()) {
      throw new InvalidEventException("empty record, expected a " + type.getSimpleName(), null);
    }
    try {
      return MAPPER.readValue(json, type);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new InvalidEventException("invalid " + type.getSimpleName() + ": " + describe(cause), e);
    } catch (JsonProcessingException e) {
      throw new InvalidEventException("invalid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  private static String describe(Throwable cause) {
    return cause instanceof NullPointerException ? "missing field " + cause.getMessage() : cause.getMessage();
  }
}
