package org.modsuite.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.modsuite.localstack.LocalStackTestResource;

/** Sources from modsuite.ingestion.sources-file: created, updated on the next start, bad entries skipped. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class SourcesFileTests {

  @Inject
  SourcesFile file;

  @Inject
  SourceService sources;

  @Test
  void createsThenUpdatesTheListedSourcesAndSkipsInvalidOnes() throws Exception {
    String id = "file-" + UUID.randomUUID().toString().substring(0, 8);
    Path json = Files.createTempFile("sources", ".json");
    Files.writeString(json, """
        [{"id":"%s","type":"rss","intervalSeconds":300,"paused":true,"settings":{"url":"https://forum.example/c/entraide.atom"}},
         {"id":"%s-bad","type":"rss","intervalSeconds":1,"settings":{}}]""".formatted(id, id));
    file.load(json);
    assertThat(sources.get(id).intervalSeconds()).isEqualTo(300);
    assertThat(sources.record(id + "-bad")).isEmpty();

    Files.writeString(json, """
        [{"id":"%s","type":"rss","intervalSeconds":600,"settings":{"url":"https://forum.example/c/entraide.atom"}}]""".formatted(id));
    file.load(json);
    assertThat(sources.get(id).intervalSeconds()).isEqualTo(600);
    sources.setPaused(id, true);
    Files.writeString(json, "not json");
    file.load(json); // logged, nothing thrown
    Files.delete(json);
  }
}
