package org.modsuite.ingestion.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import org.modsuite.ingestion.config.IngestionConfig;
import org.modsuite.ingestion.rest.SourceRequest;
import org.modsuite.support.rest.ProblemException;

/**
 * Creates or updates the sources listed in {@code modsuite.ingestion.sources-file} at start: a JSON array of
 * {@code POST /api/v1/sources} bodies, so {@code ./run} can be configured from a file. A bad entry is logged and skipped.
 */
@ApplicationScoped
public class SourcesFile {

  private final IngestionConfig config;
  private final SourceService sources;
  private final ObjectMapper mapper;

  public SourcesFile(IngestionConfig config, SourceService sources, ObjectMapper mapper) {
    this.config = config;
    this.sources = sources;
    this.mapper = mapper;
  }

  void load(@Observes StartupEvent start) {
    config.sourcesFile().filter(f -> !f.isBlank()).map(Path::of).ifPresent(this::load);
  }

  void load(Path file) {
    List<SourceRequest> requests;
    try {
      requests = mapper.readValue(Files.readString(file), new TypeReference<List<SourceRequest>>() { });
    } catch (IOException e) {
      Log.errorf("sources file %s is not a JSON array of sources: %s", file, e.getMessage());
      return;
    }
    for (SourceRequest request : requests) {
      try {
        sources.upsert(request);
        Log.infof("source %s (%s) from %s", request.id(), request.type(), file);
      } catch (ProblemException e) {
        Log.errorf("source %s in %s is invalid: %s", request.id(), file, e.problem().detail());
      }
    }
  }
}
