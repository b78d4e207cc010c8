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
  private Double topScore;
  @Column(columnDefinition = "TEXT")
  private String scores;
  @Column(columnDefinition = "TEXT")
  private String reasons;
  private Long postVersion;
  private String modelVersion;
  private String rulesVersion;
  private String policyVersion;
  private Instant openedAt;
  private Instant updatedAt;
  private int priority;
  private String claimedBy;
  private Instant claimExpiresAt;
  private Instant decisionDueAt;
  private int noticeCount;
  private boolean trustedFlagger;
  private String dsaCategory;
  private Instant decidedAt;
  private boolean severe;
  private String equivalentTo;

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

  public Double getTopScore() {
    return topScore;
  }

  public String getScores() {
    return scores;
  }

  public String getReasons() {
    return reasons;
  }

  public Long getPostVersion() {
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

  public int getPriority() {
    return priority;
  }

  public String getClaimedBy() {
    return claimedBy;
  }

  public Instant getClaimExpiresAt() {
    return claimExpiresAt;
  }

  public Instant getDecisionDueAt() {
    return decisionDueAt;
  }

  public int getNoticeCount() {
    return noticeCount;
  }

  public boolean isTrustedFlagger() {
    return trustedFlagger;
  }

  public String getDsaCategory() {
    return dsaCategory;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public boolean isSevere() {
    return severe;
  }

  /** Claimed by someone else whose claim has not expired. */
  public boolean claimedByOther(String user, Instant now) {
    return claimedBy != null && !claimedBy.equals(user) && claimExpiresAt != null && claimExpiresAt.isAfter(now);
  }

  /** The earlier removal decision the analysis found this item equivalent to, if any. */
  public String getEquivalentTo() {
    return equivalentTo;
  }
}
