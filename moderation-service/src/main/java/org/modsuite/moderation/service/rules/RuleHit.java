package org.modsuite.moderation.service.rules;

/**
 * One match of a rule in a post.
 *
 * @param sentence index of the sentence it matched in
 * @param start first character of the match in the folded text
 * @param end one past its last character in the folded text
 */
public record RuleHit(Rule rule, int sentence, int start, int end) {

  boolean overlaps(RuleHit other) {
    return start < other.end && other.start < end;
  }
}
