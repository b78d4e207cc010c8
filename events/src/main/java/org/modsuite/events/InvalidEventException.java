package org.modsuite.events;

/** A record that is not a valid event: unreadable JSON, a missing field, or a wrong type. Goes to the DLQ. */
public class InvalidEventException extends RuntimeException {

  public InvalidEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
