package org.modsuite.moderation.service;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.modsuite.moderation.config.ModerationConfig;

/**
 * The current decision policy: at start the bundled or configured file ({@link Policy#load}), then the current policy
 * of {@code moderation.rules} ({@link #adopt}). Replaced in one step; an analysis reads it once.
 */
@ApplicationScoped
public class PolicyBook {

  private static final Logger LOG = Logger.getLogger(PolicyBook.class);

  private final PolicyRevision shipped;
  private final AtomicReference<Policy> current = new AtomicReference<>();

  @jakarta.inject.Inject
  public PolicyBook(ModerationConfig config) {
    this(Policy.load(config.policyFile()));
  }

  public PolicyBook(Policy started) {
    this.shipped = new PolicyRevision(started.version(), "bundled", Instant.now(), baseOf(started), started);
    current.set(started);
  }

  public Policy current() {
    return current.get();
  }

  /** The policy this replica started with (bundled or configured file). */
  public PolicyRevision shipped() {
    return shipped;
  }

  /** Installs a policy read from {@code moderation.rules} if it was edited from the file this replica started with. */
  public boolean adopt(PolicyRevision revision) {
    if (!shipped.base().equals(revision.base())) {
      LOG.warnf("policy %s ignored: edited from another policy file than %s", revision.version(), shipped.version());
      return false;
    }
    Policy policy = revision.policy().validate();
    Policy previous = current.getAndSet(policy);
    if (!policy.version().equals(previous.version())) {
      LOG.infof("policy %s installed", policy.version());
    }
    return true;
  }

  static String baseOf(Policy started) {
    return ContentVersions.hash(started.withVersion(null)) + "/" + started.version();
  }
}
