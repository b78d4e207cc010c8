package org.modsuite.report.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modsuite.events.AnalysisEvent;
import org.modsuite.events.EventJson;
import org.modsuite.report.service.CaseService;

/**
 * posts.analysed → cases. The offset is committed only after the transaction has committed; a record that is not a
 * valid AnalysisEvent goes to posts.analysed.dlq with the reason at once, and the next record is processed.
 */
@ApplicationScoped
public class AnalysisConsumer {

  private final CaseService cases;

  public AnalysisConsumer(CaseService cases) {
    this.cases = cases;
  }

  /** How long a valid record is retried (database down, say) before it too goes to the dead-letter topic. */
  static final Duration RETRY_FOR = Duration.ofMinutes(10);

  @Incoming("analyses-in")
  public Uni<Void> consume(String json) {
    AnalysisEvent analysis = EventJson.read(json, AnalysisEvent.class);
    // A failure here is not a bad record: retry the whole transaction with back-off while the partition waits.
    return cases.recordAnalysis(analysis)
        .onFailure().invoke(e -> Log.warnf("recording analysis of event %s failed, retrying: %s", analysis.eventId(), e.getMessage()))
        .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).expireIn(RETRY_FOR.toMillis());
  }
}
