package org.modsuite.report.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import org.modsuite.events.AnalysisEvent;
import org.modsuite.report.ModerationCase;
import org.modsuite.report.repository.AnalysisRepository;
import org.modsuite.report.repository.CaseRepository;
import org.modsuite.report.repository.ProcessedEventRepository;

/** Cases opened from analyses, and the paged case list. */
@ApplicationScoped
public class CaseService {

  static final String CONSUMER = "report-service.analyses";

  private final CaseRepository cases;
  private final AnalysisRepository analyses;
  private final ProcessedEventRepository processed;
  private final Counter opened;

  public CaseService(CaseRepository cases, AnalysisRepository analyses, ProcessedEventRepository processed, MeterRegistry registry) {
    this.cases = cases;
    this.analyses = analyses;
    this.processed = processed;
    this.opened = registry.counter("modsuite.cases.written", "source", "analysis");
  }

  /**
   * Applies an analysis once: a redelivered event (same id) or a repeated analysis (same post version and analyser
   * versions) changes nothing. review and remove open or update the post's case; allow only updates an existing case.
   */
  @WithTransaction
  public Uni<Void> recordAnalysis(AnalysisEvent analysis) {
    return processed.markProcessed(analysis.eventId(), CONSUMER).chain(isNew -> {
      if (!isNew) {
        Log.debugf("event %s was processed before", analysis.eventId());
        return Uni.createFrom().voidItem();
      }
      return analyses.insert(analysis).chain(stored -> {
        if (!stored) {
          return Uni.createFrom().voidItem();
        }
        if (!analysis.decision().opensCase()) {
          // An allow opens nothing, but a case opened for an earlier version shows the newer analysis.
          return cases.updateFromAnalysis(analysis, Instant.now()).replaceWithVoid();
        }
        return cases.upsertFromAnalysis(analysis, Instant.now()).invoke(rows -> {
          if (rows > 0) {
            opened.increment();
          }
        }).replaceWithVoid();
      });
    });
  }

  @WithSession
  public Uni<CasePage> listCases(int page, int size) {
    var query = cases.findAll(Sort.descending("openedAt").and("id", Sort.Direction.Descending)).page(Page.of(page, size));
    return query.list().chain(list -> query.count().map(total -> new CasePage(list.stream().map(CaseView::of).toList(), page, size, total)));
  }

  @WithSession
  public Uni<ModerationCase> findCase(UUID id) {
    return cases.findById(id);
  }
}
