package org.modsuite.report.dsa;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What became of one {@code POST /api/v1/statements} call. Only {@link Accepted} means the statements are stored.
 * After a {@link TransientFailure} they may be stored all the same (a timeout after the server committed, or a 201
 * whose body could not be read): a resend then comes back {@link Rejected} with {@link Rejected#existingPuids()},
 * and {@link TransparencyDbClient#puidExists(String)} settles each one.
 */
public sealed interface SubmissionResult {

  /** 201: every statement is stored; one receipt per statement in request order. */
  record Accepted(List<Receipt> receipts) implements SubmissionResult {
    public Accepted {
      receipts = List.copyOf(receipts);
    }

    public List<String> uuids() {
      return receipts.stream().map(Receipt::uuid).toList();
    }
  }

  /** The database's {@code uuid} for our {@code puid}. */
  record Receipt(String puid, String uuid) {
  }

  /**
   * 422: nothing was stored (batches are all-or-nothing). {@code itemErrors} maps the 0-based position of each failing
   * statement (from the {@code statement_<i>} keys) to its field errors; {@code existingPuids} lists the PUIDs the
   * database saw twice in the call or already holds; {@code requestErrors} holds any other field errors (e.g. about
   * {@code statements} itself or the {@code puid} message of the duplicate envelope); {@code message} is the top-level
   * message, null in the per-item envelope.
   */
  record Rejected(String message, Map<Integer, Map<String, List<String>>> itemErrors,
      Map<String, List<String>> requestErrors, List<String> existingPuids) implements SubmissionResult {
    public Rejected {
      itemErrors = Map.copyOf(itemErrors);
      requestErrors = Map.copyOf(requestErrors);
      existingPuids = List.copyOf(existingPuids);
    }
  }

  /** 429: try again after {@code retryAfter} (from {@code Retry-After}, 1 s when absent or unreadable). */
  record RateLimited(Duration retryAfter) implements SubmissionResult {
  }

  /** 5xx, timeout, connection error, an unexpected status or an unreadable body: retry later. */
  record TransientFailure(String reason) implements SubmissionResult {
  }

  /** 401 (token missing, wrong or revoked) or 403 (no permission or no platform): needs a person, not a retry. */
  record Unauthorized(int status) implements SubmissionResult {
  }
}
