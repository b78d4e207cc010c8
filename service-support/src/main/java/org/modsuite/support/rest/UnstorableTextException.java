package org.modsuite.support.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON string that PostgreSQL could not store; {@code inner} is its path inside a JSON tree read as a whole. */
public class UnstorableTextException extends JsonMappingException {

  private static final long serialVersionUID = 1L;
  private final String inner;

  public UnstorableTextException(JsonParser parser, String inner) {
    super(parser, StorableText.REASON);
    this.inner = inner;
  }

  /** The path below the mapped location ({@code items[0].text}), or empty. */
  public String inner() {
    return inner;
  }
}
