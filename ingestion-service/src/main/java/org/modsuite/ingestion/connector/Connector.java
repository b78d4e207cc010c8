package org.modsuite.ingestion.connector;

/** A polling connector: reads one page of a source from its cursor. Implementations are stateless; state is in {@link SourceContext}. */
public interface Connector extends SourceSettings {

  /**
   * The next page after the context's cursor. Nothing is published here: the poller publishes the posts and commits
   * {@link FetchResult#cursor()} only after Kafka acknowledged them.
   *
   * @throws FetchException when the platform refused, failed or answered something unreadable; the cursor stays
   */
  FetchResult fetch(SourceContext source) throws FetchException;
}
