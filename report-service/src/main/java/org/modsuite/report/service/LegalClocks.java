package org.modsuite.report.service;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.modsuite.report.config.DsaConfig;

/** The durations of the legal clocks: the configured defaults, replaced by the active national overlay where it sets one. */
@ApplicationScoped
public class LegalClocks {

  /** Kinds of deadline, as stored in {@code deadline.kind}. */
  public static final String RECEIPT = "receipt";
  public static final String DECISION = "decision";
  public static final String NOTIFIER_INFORMED = "notifier_informed";
  public static final String DATABASE_SUBMISSION = "database_submission";
  public static final String COMPLAINT_WINDOW = "complaint_window";
  public static final String COMPLAINT_DECISION = "complaint_decision";

  private final DsaConfig.Clocks clocks;
  private final Map<String, Duration> overlay;

  public LegalClocks(DsaConfig config) {
    this.clocks = config.clocks();
    this.overlay = clocks.overlay().map(c -> clocks.overlays().getOrDefault(c.toLowerCase(Locale.ROOT), Map.of())).orElse(Map.of());
  }

  public Duration noticeReceipt() {
    return pick("notice-receipt", clocks.noticeReceipt());
  }

  /** The decision clock of a notice: trusted flaggers within their expertise and manifest cases run shorter. */
  public Duration noticeDecision(boolean trustedFlaggerInExpertise, boolean manifest) {
    Duration d = pick("notice-decision", clocks.noticeDecision());
    if (trustedFlaggerInExpertise) {
      d = min(d, pick("trusted-flagger-decision", clocks.trustedFlaggerDecision()));
    }
    if (manifest) {
      d = min(d, pick("manifest-decision", clocks.manifestDecision()));
    }
    return d;
  }

  public Duration notifierInformed() {
    return pick("notifier-informed", clocks.notifierInformed());
  }


  public Duration databaseSubmission() {
    return pick("database-submission", clocks.databaseSubmission());
  }

  public Duration complaintWindow() {
    return pick("complaint-window", clocks.complaintWindow());
  }

  public Duration complaintDecision() {
    return pick("complaint-decision", clocks.complaintDecision());
  }

  public Duration nearBreach() {
    return clocks.nearBreach();
  }

  private Duration pick(String key, Duration fallback) {
    return overlay.getOrDefault(key, fallback);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
