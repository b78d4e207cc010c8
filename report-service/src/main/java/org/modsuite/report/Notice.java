package org.modsuite.report;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An Art. 16 notice: what is said to be illegal, why, by whom (contact details are in {@link NoticeContact}). */
@Entity
@Table(name = "notice")
public class Notice {

  @Id
  public UUID id;
  public Instant receivedAt;
  public String state;
  public String category;
  public String keywords;
  public String explanation;
  public boolean goodFaith;
  public String sourceType;
  public UUID trustedFlaggerId;
  public String submittedBy;
  public String statusTokenHash;
  public String language;
  public Instant decidedAt;
  public String outcome;
  public boolean automatedProcessing;
  public Instant notifierInformedAt;
  public boolean unfounded;
}
