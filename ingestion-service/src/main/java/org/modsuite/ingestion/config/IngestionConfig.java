package org.modsuite.ingestion.config;

import jakarta.validation.constraints.Size;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of ingestion-service, under {@code modsuite.ingestion}. */
@ConfigMapping(prefix = "modsuite.ingestion")
public interface IngestionConfig {

  /**
   * Key of the HMAC that pseudonymises author ids (env {@code MODSUITE_INGESTION_PSEUDONYM_KEY}). Required; never logged.
   * Changing it gives every author a new pseudonym.
   */
  @Size(min = 16, message = "must have at least 16 characters")
  String pseudonymKey();

  /** Most posts accepted in one request to {@code POST /api/v1/posts}. */
  @WithDefault("500")
  int maxBatchSize();

  /** How many recently published post versions are remembered to drop duplicate pushes. */
  @WithDefault("200000")
  long recentPostsCapacity();
}
