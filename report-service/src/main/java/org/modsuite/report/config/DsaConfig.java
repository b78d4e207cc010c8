package org.modsuite.report.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The DSA record chain: who we are in the statements of reasons, the legal clocks, retention, and the Transparency Database. */
@ConfigMapping(prefix = "modsuite.dsa")
public interface DsaConfig {

  /** The address users reach this service at, for the status and complaint links in mail and receipts. */
  @WithDefault("http://localhost:8083")
  String publicUrl();

  /** The provider's name in transparency reports. */
  @WithDefault("ModSuite demo platform")
  String platformName();

  /** Link to the terms and conditions, sent as decision_ground_reference_url of contractual decisions. */
  Optional<String> termsUrl();

  /** The contractual ground of automated removals (DECISION_GROUND_INCOMPATIBLE_CONTENT). */
  @WithDefault("Community guidelines, section 3: hate speech and incitement against protected groups")
  String automatedContractualGround();

  /** How long a moderator's claim on a case lasts before another may take it. */
  @WithDefault("PT15M")
  Duration claimDuration();

  /** Public notice form: notices per client address and in total per minute (per replica). */
  @WithDefault("20")
  int noticesPerClientPerMinute();

  @WithDefault("6000")
  int noticesPerMinute();

  Clocks clocks();

  Retention retention();

  TransparencyDb transparencyDb();

  /** Folder the default mailer writes its messages to (one .eml file each); SMTP is not built yet. */
  @WithDefault(".modsuite/mail")
  Path mailFolder();

  /** Legal clocks, as durations from the event that starts them. */
  interface Clocks {

    /** Confirm receipt of a notice (Art. 16(4), "without undue delay"). */
    @WithDefault("PT1H")
    Duration noticeReceipt();

    /** Decide a notice (Art. 16(6), "timely"). */
    @WithDefault("P7D")
    Duration noticeDecision();

    /** Decide a trusted flagger's notice within its area of expertise (Art. 22(1), priority). */
    @WithDefault("PT24H")
    Duration trustedFlaggerDecision();

    /** Decide an item the analysis found manifestly illegal (the former German NetzDG 24 h duty, as an overlay). */
    @WithDefault("PT24H")
    Duration manifestDecision();

    /** Tell the notifier the decision (Art. 16(5)). */
    @WithDefault("PT24H")
    Duration notifierInformed();


    /** Submit the statement to the Transparency Database (Art. 24(5), "without undue delay"). */
    @WithDefault("PT24H")
    Duration databaseSubmission();

    /** How long after being informed a recipient may complain (Art. 20(1): at least six months). */
    @WithDefault("P183D")
    Duration complaintWindow();

    /** Decide a complaint (Art. 20(4), "timely"). */
    @WithDefault("P14D")
    Duration complaintDecision();

    /** A clock due within this time is listed as a near-breach. */
    @WithDefault("PT4H")
    Duration nearBreach();

    /**
     * National overlays by country code, replacing the defaults above when {@code modsuite.dsa.clocks.overlay} names
     * one, for example {@code modsuite.dsa.clocks.overlays.de.notice-decision=P7D}.
     */
    Map<String, Map<String, Duration>> overlays();

    /** The active overlay, if any (for example {@code de}). */
    Optional<String> overlay();
  }

  interface Retention {

    /** Notifier and complainant names and e-mail addresses are pseudonymised after this period. */
    @WithDefault("P400D")
    Duration contacts();

    /** The text of posts that were never restricted is erased after this period. */
    @WithDefault("P90D")
    Duration posts();

    /** The evidence snapshot of restricted content is kept this long after the restriction. */
    @WithDefault("P730D")
    Duration evidence();
  }

  interface TransparencyDb {

    /** Base URL of the Transparency Database (sandbox or production); submission is off without it. */
    @WithName("base-url")
    Optional<String> baseUrl();

    /** The platform's API token; never logged. */
    Optional<String> token();

    /** Statements per call, 1 to 100 (the API's limit). */
    @WithDefault("100")
    int batchSize();

    @WithDefault("PT10S")
    Duration timeout();

    /** How often the submitter looks for pending statements ({@code every} syntax, e.g. 10s; {@code off} stops it). */
    @WithDefault("10s")
    String interval();
  }
}
