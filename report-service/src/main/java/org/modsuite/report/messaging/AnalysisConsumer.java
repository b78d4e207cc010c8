package org.modsuite.report.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modsuite.events.AnalysisEvent;
import org.modsuite.events.EventJson;
import org.modsuite.report.service.CaseService;

/**
 * posts.analysed → cases. The offset is committed only after the transaction has committed; a record that is not a
 * valid AnalysisEvent goes to posts.analysed.dlq with the reason, and the next record is processed.
 */
@ApplicationScoped
public class AnalysisConsumer {

  private final CaseService cases;

  public AnalysisConsumer(CaseService cases) {
    this.cases = cases;
  }

  @Incoming("analyses-in")
  public Uni<Void> consume(String json) {
    AnalysisEvent analysis = EventJson.read(json, AnalysisEvent.class);
    return cases.recordAnalysis(analysis);
  }
}
