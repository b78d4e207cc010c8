package org.modsuite.report.dsa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson mapper for statements of reasons, outside Quarkus' CDI mapper so that the validator, the client and
 * plain unit tests serialise the same way: dates as {@code YYYY-MM-DD}, absent fields left out.
 */
public final class SorJson {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private SorJson() {
  }

  /** Shared, thread-safe; do not reconfigure. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The statement as the JSON object that is sent. */
  public static JsonNode toJson(StatementOfReasons statement) {
    return MAPPER.valueToTree(statement);
  }
}
