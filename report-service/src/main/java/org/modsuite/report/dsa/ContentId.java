package org.modsuite.report.dsa;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code content_id} object of a statement; the database recognises only the key {@code EAN-13}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContentId(@JsonProperty("EAN-13") String ean13) {

  public static ContentId ean13(String ean13) {
    return new ContentId(ean13);
  }
}
