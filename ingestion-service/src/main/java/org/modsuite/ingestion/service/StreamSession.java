package org.modsuite.ingestion.service;

/** A long-lived connection of one source to a platform's stream, run by {@link SourceStreams}. */
interface StreamSession {

  void start();

  /** Closes the connection; returns when its thread ended (or after a few seconds). */
  void stop();

  /** {@code streaming} while connected, else the breaker's state. */
  String state();

  SourceBreaker breaker();
}
