package org.modsuite.report;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A statement of reasons as stored: the Transparency Database JSON body and its submission state. */
@Entity
@Table(name = "statement_of_reasons")
public class StatementRecord {

  @Id
  public UUID id;
  public UUID decisionId;
  public String puid;
  public String body;
  public Instant createdAt;
  public String state;
  public int attempts;
  public Instant nextAttemptAt;
  public Instant submittedAt;
  public String tdbUuid;
  public String lastError;
}
