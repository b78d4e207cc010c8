package org.modsuite.report;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The complainant's name and e-mail address, kept apart and pseudonymised after retention. */
@Entity
@Table(name = "complaint_contact")
public class ComplaintContact {

  @Id
  public UUID complaintId;
  public String name;
  public String email;
  public Instant pseudonymisedAt;
}
