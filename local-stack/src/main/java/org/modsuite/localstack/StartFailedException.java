package org.modsuite.localstack;

/** A server of the local stack could not start; the message says which, why, and ends with its log's tail. */
public class StartFailedException extends RuntimeException {

  public StartFailedException(String message) {
    super(message);
  }

  public StartFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
