package org.modsuite.report;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A case: one item that needs a moderator's decision. Written by {@code CaseRepository}'s upsert, read through Panache. */
@Entity
@Table(name = "moderation_case")
public class ModerationCase {

  @Id
  private UUID id;
  private String postUid;
  private String state;
  private String source;
  private String suggestedDecision;
  private String language;
  private String topCategory;
  private double topScore;
  @Column(columnDefinition = "TEXT")
  private String scores;
  @Column(columnDefinition = "TEXT")
  private String reasons;
  private long postVersion;
  private String modelVersion;
  private String rulesVersion;
  private String policyVersion;
  private Instant openedAt;
  private Instant updatedAt;

  public UUID getId() {
    return id;
  }

  public String getPostUid() {
    return postUid;
  }

  public String getState() {
    return state;
  }

  public String getSource() {
    return source;
  }

  public String getSuggestedDecision() {
    return suggestedDecision;
  }

  public String getLanguage() {
    return language;
  }

  public String getTopCategory() {
    return topCategory;
  }

  public double getTopScore() {
    return topScore;
  }

  public String getScores() {
    return scores;
  }

  public String getReasons() {
    return reasons;
  }

  public long getPostVersion() {
    return postVersion;
  }

  public String getModelVersion() {
    return modelVersion;
  }

  public String getRulesVersion() {
    return rulesVersion;
  }

  public String getPolicyVersion() {
    return policyVersion;
  }

  public Instant getOpenedAt() {
    return openedAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
