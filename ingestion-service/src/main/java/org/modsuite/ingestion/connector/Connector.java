package org.modsuite.ingestion.connector;

import java.util.List;
import java.util.Map;

import org.modsuite.support.rest.Problem;

/** A polling connector: reads one page of a source from its cursor. Implementations are stateless; state is in {@link SourceContext}. */
public interface Connector {

  SourceType type();

  /** What is wrong with a source's settings, each error naming {@code settings.<key>}; empty when valid. */
  List<Problem.FieldError> validate(Map<String, String> settings);

  /**
   * The next page after the context's cursor. Nothing is published here: the poller publishes the posts and commits
   * {@link FetchResult#cursor()} only after Kafka acknowledged them.
   *
   * @throws FetchException when the platform refused, failed or answered something unreadable; the cursor stays
   */
  FetchResult fetch(SourceContext source) throws FetchException;
}
