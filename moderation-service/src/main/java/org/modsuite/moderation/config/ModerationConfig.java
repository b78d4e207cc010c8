package org.modsuite.moderation.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of moderation-service, under {@code modsuite.moderation}. */
@ConfigMapping(prefix = "modsuite.moderation")
public interface ModerationConfig {

  /**
   * A policy file (JSON, the shape of the bundled {@code policy/policy.json}) to use instead of the bundled one.
   * It is validated at start-up; a policy that does not validate stops the service with the reason.
   */
  Optional<Path> policyFile();

  /**
   * How many posts of a polled batch from {@code posts.ingested} are analysed at once. Default: one per processor
   * the JVM sees (its CPU limit in a container).
   */
  Optional<Integer> analysisThreads();

  /** The equivalent-content bank. */
  Bank bank();

  /** Rule sets and policies kept in {@code moderation.rules}. */
  Rules rules();

  /** Shadow rule counts kept in {@code moderation.shadow-counts}. */
  Shadow shadow();

  /** Settings of the shadow rule counts every replica publishes and sums. */
  interface Shadow {

    /**
     * This replica's name in {@code moderation.shadow-counts}: its counts are kept under it, and a replica restarted
     * under the same name continues them. Must differ between replicas running at once. Default: the host name
     * (the pod name in Kubernetes, the container id in Compose).
     */
    Optional<String> replicaId();

    /** How often this replica publishes its counts (and once more when it stops). */
    @WithDefault("5s")
    Duration publishInterval();
  }

  /** Settings of rule and policy management. */
  interface Rules {

    /** How long start-up may take to read {@code moderation.rules} to its end; longer stops the service. */
    @WithDefault("60s")
    Duration loadTimeout();

    /** How long a change may take to be acknowledged by Kafka and applied by this replica; longer answers 503. */
    @WithDefault("30s")
    Duration writeTimeout();
  }

  /** Settings of the equivalent-content bank. */
  interface Bank {

    /** A near match (estimated Jaccard similarity of word-pair shingles) at or above this sends a post to review. */
    @WithDefault("0.6")
    double nearThreshold();

    /** How long start-up may take to read {@code moderation.bank} to its end; longer stops the service. */
    @WithDefault("60s")
    Duration loadTimeout();

    /** How many analysed posts' fingerprints are kept for matching a later removal action. */
    @WithDefault("500000")
    long fingerprintCacheSize();

    /** How long an analysed post's fingerprints are kept, and how far back {@code moderation.fingerprints} is read at start. */
    @WithDefault("P7D")
    Duration fingerprintTtl();

    /** How long a removal action waits for the post's fingerprints to arrive from another replica before it is skipped. */
    @WithDefault("3s")
    Duration fingerprintWait();
  }
}
