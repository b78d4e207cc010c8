package org.modsuite.moderation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of moderation-service, under {@code modsuite.moderation}: the decision policy of the first analyser. */
@ConfigMapping(prefix = "modsuite.moderation")
public interface ModerationConfig {

  /** Version string of the thresholds below; every analysis carries it. */
  @WithDefault("thresholds-2026.11.1")
  String policyVersion();

  /** Highest category score at or above which a post goes to a moderator. */
  @WithDefault("0.5")
  double reviewThreshold();

  /** Highest category score at or above which a post is removed automatically (and still recorded as a case). */
  @WithDefault("0.9")
  double removeThreshold();
}
