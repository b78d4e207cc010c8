package org.modsuite.report;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An Art. 20 complaint against a decision (contact details are in {@link ComplaintContact}). */
@Entity
@Table(name = "complaint")
public class Complaint {

  @Id
  public UUID id;
  public UUID decisionId;
  public UUID caseId;
  public String complainantType;
  public UUID noticeId;
  public String text;
  public Instant receivedAt;
  public String state;
  public String assignedTo;
  public String outcome;
  public String outcomeReason;
  public String decidedBy;
  public Instant decidedAt;
  public String statusTokenHash;
  public boolean unfounded;
}
