package org.modsuite.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An organisation awarded trusted-flagger status by a Digital Services Coordinator (Art. 22). */
@Entity
@Table(name = "trusted_flagger")
public class TrustedFlagger {

  @Id
  public UUID id;
  /** Matches the {@code org} claim of the organisation's users and API keys. */
  public String organisation;
  public String name;
  public String coordinator;
  /** JSON array of the STATEMENT_CATEGORY_* keys of its designated area of expertise. */
  public String expertise;
  public String contactEmail;
  public LocalDate designatedAt;
  public boolean active;
  public Instant createdAt;
}
