package org.modsuite.report;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The notifier's name and e-mail address: personal data, kept apart from the case data and pseudonymised after retention. */
@Entity
@Table(name = "notice_contact")
public class NoticeContact {

  @Id
  public UUID noticeId;
  public String name;
  public String email;
  public Instant pseudonymisedAt;
}
