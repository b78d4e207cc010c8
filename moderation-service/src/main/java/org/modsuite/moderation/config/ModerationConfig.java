package org.modsuite.moderation.config;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Settings of moderation-service, under {@code modsuite.moderation}. */
@ConfigMapping(prefix = "modsuite.moderation")
public interface ModerationConfig {

  /**
   * A policy file (JSON, the shape of the bundled {@code policy/policy.json}) to use instead of the bundled one.
   * It is validated at start-up; a policy that does not validate stops the service with the reason.
   */
  Optional<Path> policyFile();
}
