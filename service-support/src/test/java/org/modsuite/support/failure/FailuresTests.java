package org.modsuite.support.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.modsuite.support.failure.Failures.Kind;

class FailuresTests {

  /** Stands in for the Vert.x client's PgException and Hibernate's JDBCException: a getter, no SQLException. */
  static final class PgLikeException extends RuntimeException {
    private final String sqlState;

    PgLikeException(String message, String sqlState) {
      super(message);
      this.sqlState = sqlState;
    }

    public String getSqlState() {
      return sqlState;
    }
  }

  /** The Vert.x client's name for a connection lost mid-query. */
  static final class ClosedConnectionException extends RuntimeException {
  }

  @Test
  void dataExceptionsAndConstraintViolationsArePermanent() {
    assertThat(Failures.classify(new PgLikeException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"))).isEqualTo(Kind.PERMANENT);
    assertThat(Failures.classify(new SQLException("value too long", "22001"))).isEqualTo(Kind.PERMANENT);
    assertThat(Failures.classify(new RuntimeException("wrapped", new PgLikeException("duplicate key", "23505")))).isEqualTo(Kind.PERMANENT);
    assertThat(Failures.classify(new CompletionException(new SQLException("not null", "23502")))).isEqualTo(Kind.PERMANENT);
  }

  @Test
  void connectionResourceAndShutdownStatesAreTransient() {
    for (String state : new String[] {"08006", "08001", "53300", "53100", "57P01", "57P03", "57014", "40001", "40P01", "55P03", "58030"}) {
      assertThat(Failures.classify(new PgLikeException("x", state))).as(state).isEqualTo(Kind.TRANSIENT);
    }
  }

  @Test
  void otherStatesAreUnknown() {
    assertThat(Failures.classify(new PgLikeException("relation does not exist", "42P01"))).isEqualTo(Kind.UNKNOWN);
    assertThat(Failures.classify(new PgLikeException("x", "P0001"))).isEqualTo(Kind.UNKNOWN);
    assertThat(Failures.classify(new PgLikeException("x", "5"))).isEqualTo(Kind.UNKNOWN);
  }

  @Test
  void refusedAndLostConnectionsAndTimeoutsAreTransient() {
    assertThat(Failures.classify(new ConnectException("Connection refused: /127.0.0.1:5432"))).isEqualTo(Kind.TRANSIENT);
    assertThat(Failures.classify(new RuntimeException(new SocketException("reset")))).isEqualTo(Kind.TRANSIENT);
    assertThat(Failures.classify(new CompletionException(new TimeoutException()))).isEqualTo(Kind.TRANSIENT);
    assertThat(Failures.classify(new ClosedConnectionException())).isEqualTo(Kind.TRANSIENT);
    assertThat(Failures.classify(new IllegalStateException("Connection is not active now, current status: CLOSED"))).isEqualTo(Kind.TRANSIENT);
    assertThat(Failures.isTransient(new RuntimeException("Timeout waiting for connection"))).isTrue();
  }

  @Test
  void theSqlStateWinsOverTheExceptionType() {
    // a constraint violation reported through an I/O-looking wrapper is still the record's fault
    assertThat(Failures.classify(new java.io.UncheckedIOException(new java.io.IOException(new SQLException("dup", "23505"))))).isEqualTo(Kind.PERMANENT);
  }

  @Test
  void bugsAreUnknown() {
    assertThat(Failures.classify(new NullPointerException("x"))).isEqualTo(Kind.UNKNOWN);
    assertThat(Failures.classify(new IllegalArgumentException("bad"))).isEqualTo(Kind.UNKNOWN);
    assertThat(Failures.sqlState(new IllegalArgumentException())).isEmpty();
  }
}
