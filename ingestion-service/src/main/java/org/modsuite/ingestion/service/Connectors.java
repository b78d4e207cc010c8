package org.modsuite.ingestion.service;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.modsuite.ingestion.connector.Connector;
import org.modsuite.ingestion.connector.SourceType;

/** The polling connector of each source type; webhook sources have none (they are pushed). */
@ApplicationScoped
public class Connectors {

  private final Map<SourceType, Connector> byType = new EnumMap<>(SourceType.class);

  public Connectors(Instance<Connector> connectors) {
    connectors.forEach(c -> byType.put(c.type(), c));
  }

  public Optional<Connector> of(SourceType type) {
    return Optional.ofNullable(byType.get(type));
  }
}
