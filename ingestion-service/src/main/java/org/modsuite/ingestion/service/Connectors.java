package org.modsuite.ingestion.service;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.modsuite.ingestion.connector.Connector;
import org.modsuite.ingestion.connector.SourceSettings;
import org.modsuite.ingestion.connector.SourceType;

/** The polling connector of each source type; webhook sources have none (they are pushed), Bluesky streams. */
@ApplicationScoped
public class Connectors {

  private final Map<SourceType, Connector> byType = new EnumMap<>(SourceType.class);
  private final Map<SourceType, SourceSettings> settingsByType = new EnumMap<>(SourceType.class);

  public Connectors(Instance<Connector> connectors, Instance<SourceSettings> settings) {
    connectors.forEach(c -> byType.put(c.type(), c));
    settings.forEach(s -> settingsByType.put(s.type(), s));
  }

  /** The settings check of a type, polled or streamed; empty for webhooks (they take none). */
  public Optional<SourceSettings> settings(SourceType type) {
    return Optional.ofNullable(settingsByType.get(type));
  }

  public Optional<Connector> of(SourceType type) {
    return Optional.ofNullable(byType.get(type));
  }
}
