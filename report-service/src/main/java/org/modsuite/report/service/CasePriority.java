package org.modsuite.report.service;

/**
 * The queue's priority, 0 to 100: severity first (what the analysis found manifestly illegal), then who flagged it
 * (a trusted flagger within its expertise), then the strength of the evidence. Deadlines order cases of equal priority.
 */
public final class CasePriority {

  private CasePriority() {
  }

  public static int ofAnalysis(double topScore, boolean manifest) {
    return clamp((int) Math.round(topScore * 40) + (manifest ? 40 : 0));
  }

  public static int ofNotice(boolean trustedFlaggerInExpertise, boolean trustedFlagger) {
    return trustedFlaggerInExpertise ? 70 : trustedFlagger ? 45 : 30;
  }

  private static int clamp(int p) {
    return Math.max(0, Math.min(100, p));
  }
}
