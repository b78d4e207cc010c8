package org.modsuite.moderation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modsuite.moderation.service.FingerprinterTests.REMOVED;
import static org.modsuite.moderation.service.FingerprinterTests.of;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Matching against banked removals: exact, near, not near, suppressed by framing, and forgetting a restored post. */
class EquivalentContentBankTests {

  private final EquivalentContentBank bank = new EquivalentContentBank();

  private void bankRemoved() {
    bank.put(new BankEntry("p:1", "decision-1", of(REMOVED), Instant.now()));
  }

  @Test
  void anIdenticalTextMatchesExactly() {
    bankRemoved();
    assertThat(bank.match(of(REMOVED.toUpperCase() + "!"), 0.6)).singleElement().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(BankMatch.EXACT);
      assertThat(m.decisionId()).isEqualTo("decision-1");
      assertThat(m.similarity()).isEqualTo(1.0);
      assertThat(m.applies()).isTrue();
    });
  }

  @Test
  void aLightlyEditedTextMatchesNearAndAnUnrelatedOneNotAtAll() {
    bankRemoved();
    assertThat(bank.match(of(REMOVED.replace("town", "city")), 0.6)).singleElement().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(BankMatch.NEAR);
      assertThat(m.similarity()).isBetween(0.6, 0.99);
    });
    assertThat(bank.match(of("The harbour festival starts on Friday with music and food for everyone"), 0.6)).isEmpty();
  }

  @Test
  void counterSpeechQuotingTheRemovedTextIsReportedButNotApplied() {
    bankRemoved();
    assertThat(bank.match(of("Disgusting. Someone wrote \"" + REMOVED + "\" and nobody stopped it"), 0.5))
        .isNotEmpty().allSatisfy(m -> assertThat(m.applies()).isFalse());
    assertThat(bank.match(of("\"" + REMOVED + "\""), 0.6)).singleElement().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(BankMatch.EXACT);
      assertThat(m.suppressedBy()).containsExactly(Fingerprinter.QUOTE);
    });
  }

  @Test
  void aRemovedTextThatItselfQuotedIsStillMatchedWhenRepeated() {
    String quoting = "They say \"we are one people\" but the refugees here are vermin and parasites";
    bank.put(new BankEntry("p:2", "decision-2", of(quoting), Instant.now()));
    assertThat(bank.match(of(quoting), 0.6)).singleElement().satisfies(m -> assertThat(m.applies()).isTrue());
  }

  @Test
  void aRestoredPostIsForgottenAndAReplacedEntryIndexedOnce() {
    bankRemoved();
    bank.put(new BankEntry("p:1", "decision-1b", of(REMOVED), Instant.now()));
    assertThat(bank.size()).isEqualTo(1);
    assertThat(bank.match(of(REMOVED), 0.6)).singleElement().satisfies(m -> assertThat(m.decisionId()).isEqualTo("decision-1b"));
    bank.remove("p:1");
    bank.remove("p:unknown");
    assertThat(bank.size()).isZero();
    assertThat(bank.match(of(REMOVED), 0.6)).isEmpty();
    assertThat(bank.match(of(REMOVED.replace("town", "city")), 0.6)).isEmpty();
  }
}
