package org.modsuite.report;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The latest version of an ingested post: what the moderator reads, and the evidence of restricted content. */
@Entity
@Table(name = "post")
public class Post {

  @Id
  public String postUid;
  public String platform;
  public String url;
  public String authorId;
  @Column(columnDefinition = "TEXT")
  public String text;
  public String language;
  public Instant createdAt;
  public Instant editedAt;
  public boolean deleted;
  public long version;
  public String sourceName;
  public Instant receivedAt;
  public Instant evidenceUntil;
}
