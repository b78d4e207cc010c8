package org.modsuite.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A decision on a case, by a moderator or by the policy. Array-valued DSA fields are JSON array text. */
@Entity
@Table(name = "decision")
public class Decision {

  @Id
  public UUID id;
  public UUID caseId;
  public String postUid;
  public String decidedBy;
  public Instant decidedAt;
  public String action;
  public String automatedDecision;
  public boolean automatedDetection;
  public String decisionGround;
  public String legalGround;
  public String contractualGround;
  public String explanation;
  public Boolean incompatibleIllegal;
  public String category;
  public String keywords;
  public String visibility;
  public String monetary;
  public String provision;
  public String account;
  public String territorialScope;
  public LocalDate endDate;
  public String sourceType;
  public UUID supersedes;
  public UUID complaintId;
  public UUID humanReviewOf;
  public String recipientTokenHash;
  public Instant recipientInformedAt;

  public boolean restricts() {
    return !"no_action".equals(action) && !"restore".equals(action);
  }
}
