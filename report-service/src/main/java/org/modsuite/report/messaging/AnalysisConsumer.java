package org.modsuite.report.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.modsuite.events.AnalysisEvent;
import org.modsuite.report.service.CaseService;

/**
 * posts.analysed → cases. The offset is committed only after the transaction has committed; a record that can never
 * be stored goes to posts.analysed.dlq with the reason at once, and a database outage is waited out
 * ({@link StoredRecords}).
 */
@ApplicationScoped
public class AnalysisConsumer {

  private final CaseService cases;
  private final StoredRecords records;
  private final String group;

  public AnalysisConsumer(CaseService cases, StoredRecords records,
      @ConfigProperty(name = "mp.messaging.incoming.analyses-in.group.id") String group) {
    this.cases = cases;
    this.records = records;
    this.group = group;
  }

  @Incoming("analyses-in")
  public Uni<Void> consume(Message<String> message) {
    return records.store(message, group, AnalysisEvent.class, cases::recordAnalysis);
  }
}
