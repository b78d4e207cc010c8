package org.modsuite.ingestion.connector;

import java.util.List;
import java.util.Map;

import org.modsuite.support.rest.Problem;

/** Checks the settings of one source type: every polling connector, and the streaming sources that are not polled. */
public interface SourceSettings {

  SourceType type();

  /** What is wrong with a source's settings, each error naming {@code settings.<key>}; empty when valid. */
  List<Problem.FieldError> validate(Map<String, String> settings);
}
