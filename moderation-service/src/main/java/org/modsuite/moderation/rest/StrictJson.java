package org.modsuite.moderation.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.modsuite.support.rest.JsonPaths;
import org.modsuite.support.rest.ProblemException;

/**
 * Reads rule sets, rules and policies strictly: an unknown field (a misspelt {@code pattren}) is a
 * 400 naming the field, not a silently ignored setting.
 */
final class StrictJson {

  private static final ObjectMapper STRICT = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private StrictJson() {
  }

  static <T> T read(JsonNode body, Class<T> type) throws JsonProcessingException {
    if (body == null || body.isNull() || body.isMissingNode()) {
      throw ProblemException.invalid("body", "is required");
    }
    try {
      return STRICT.treeToValue(body, type);
    } catch (JsonMappingException e) {
      throw ProblemException.invalid(JsonPaths.of(e.getPath()), JsonPaths.reason(e));
    }
  }
}
