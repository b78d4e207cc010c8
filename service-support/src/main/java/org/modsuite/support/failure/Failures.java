package org.modsuite.support.failure;

import java.io.IOException;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Sorts a failure of a database call into what a retry can fix and what it cannot. Consumers retry {@link Kind#TRANSIENT}
 * failures for as long as they last, dead-letter {@link Kind#PERMANENT} ones at once, and give {@link Kind#UNKNOWN} ones a
 * few attempts; REST endpoints answer a transient failure with 503 and Retry-After.
 *
 * <p>The SQLSTATE decides when the chain of causes carries one (JDBC's {@link SQLException}, Hibernate's JDBCException
 * and the Vert.x PostgreSQL client's PgException all do, the last two read by method name so that this module needs
 * neither library); otherwise the exception types of a lost or refused connection and of timeouts.
 */
public final class Failures {

  /** What a retry of the same work can do about a failure. */
  public enum Kind {
    /** The database is away or overloaded (connection refused or lost, timeouts, shutdown, deadlock): retry. */
    TRANSIENT,
    /** The data itself is refused (SQLSTATE class 22 data exception, 23 integrity constraint): never retry. */
    PERMANENT,
    /** Anything else, such as a bug: a few retries, then treat as permanent. */
    UNKNOWN
  }

  /** SQLSTATEs (or classes of two characters) a retry can outlast. */
  private static final Set<String> TRANSIENT_STATES = Set.of(
      "08", // connection exception
      "53", // insufficient resources (too many connections, disk full, out of memory)
      "57P01", "57P02", "57P03", // admin shutdown, crash shutdown, cannot connect now (starting up)
      "57014", // query canceled (statement timeout)
      "40001", "40P01", // serialization failure, deadlock
      "55P03", // lock not available
      "25006", // read-only transaction: a fail-over in progress
      "58"); // system error (I/O)
  private static final Set<String> PERMANENT_CLASSES = Set.of("22", "23");
  /** Connection and pool failures of the Vert.x SQL client and Netty, by simple name (not on every module's class path). */
  private static final Set<String> TRANSIENT_TYPES = Set.of("ClosedConnectionException", "NoStackTraceTimeoutException",
      "ConnectTimeoutException", "ConnectionPoolTooBusyException", "AnnotatedConnectException");
  private static final int MAX_DEPTH = 32;

  private Failures() {
  }

  public static Kind classify(Throwable failure) {
    Optional<String> state = sqlState(failure);
    if (state.isPresent()) {
      return classifyState(state.get());
    }
    int depth = 0;
    for (Throwable t = failure; t != null && depth++ < MAX_DEPTH; t = t.getCause()) {
      if (t instanceof IOException || t instanceof TimeoutException || TRANSIENT_TYPES.contains(t.getClass().getSimpleName())
          || isLostConnectionMessage(t.getMessage())) {
        return Kind.TRANSIENT;
      }
    }
    return Kind.UNKNOWN;
  }

  public static boolean isTransient(Throwable failure) {
    return classify(failure) == Kind.TRANSIENT;
  }

  static Kind classifyState(String state) {
    if (state.length() < 2) {
      return Kind.UNKNOWN;
    }
    String stateClass = state.substring(0, 2);
    if (TRANSIENT_STATES.contains(state) || TRANSIENT_STATES.contains(stateClass)) {
      return Kind.TRANSIENT;
    }
    return PERMANENT_CLASSES.contains(stateClass) ? Kind.PERMANENT : Kind.UNKNOWN;
  }

  /** The first SQLSTATE in the chain of causes. */
  public static Optional<String> sqlState(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth++ < MAX_DEPTH; t = t.getCause()) {
      String state = t instanceof SQLException sql ? sql.getSQLState() : stateByMethod(t);
      if (state != null && !state.isBlank()) {
        return Optional.of(state);
      }
    }
    return Optional.empty();
  }

  private static String stateByMethod(Throwable t) {
    for (String name : new String[] {"getSqlState", "getSQLState"}) {
      try {
        Method method = t.getClass().getMethod(name);
        if (method.getReturnType() == String.class) {
          return (String) method.invoke(t);
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        // no such method: not a database exception
      }
    }
    return null;
  }

  /** The Vert.x SQL client reports some lost connections and exhausted pools only in the message of a plain exception. */
  private static boolean isLostConnectionMessage(String message) {
    if (message == null) {
      return false;
    }
    String m = message.toLowerCase(java.util.Locale.ROOT);
    return m.contains("connection is not active") || m.contains("connection refused") || m.contains("pool closed")
        || m.contains("max wait queue size") || m.contains("timeout waiting for connection") || m.contains("acquisition timeout");
  }
}
