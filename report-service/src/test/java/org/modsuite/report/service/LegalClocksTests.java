package org.modsuite.report.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.modsuite.report.config.DsaConfig;

/** The legal clocks: defaults, the shorter trusted-flagger and manifest clocks, and a national overlay replacing defaults. */
class LegalClocksTests {

  private static LegalClocks clocks(Map<String, String> properties) {
    DsaConfig config = new SmallRyeConfigBuilder().withMapping(DsaConfig.class)
        .withSources(new PropertiesConfigSource(properties, "test", 100)).build().getConfigMapping(DsaConfig.class);
    return new LegalClocks(config);
  }

  @Test
  void defaultsFollowTheDsaAndTheShorterClocksWin() {
    LegalClocks c = clocks(Map.of());
    assertThat(c.noticeDecision(false, false)).isEqualTo(Duration.ofDays(7));
    assertThat(c.noticeDecision(true, false)).isEqualTo(Duration.ofHours(24));
    assertThat(c.noticeDecision(false, true)).isEqualTo(Duration.ofHours(24));
    assertThat(c.complaintWindow()).isGreaterThanOrEqualTo(Duration.ofDays(183));
    assertThat(c.noticeReceipt()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void anActiveOverlayReplacesTheDefaultsItNamesAndOnlyThose() {
    Map<String, String> netzDg = Map.of("modsuite.dsa.clocks.overlay", "DE", "modsuite.dsa.clocks.overlays.de.notice-decision", "P7D",
        "modsuite.dsa.clocks.overlays.de.manifest-decision", "PT12H", "modsuite.dsa.clocks.notice-decision", "P14D");
    LegalClocks c = clocks(netzDg);
    assertThat(c.noticeDecision(false, false)).isEqualTo(Duration.ofDays(7));
    assertThat(c.noticeDecision(false, true)).isEqualTo(Duration.ofHours(12));
    assertThat(c.complaintDecision()).isEqualTo(Duration.ofDays(14));

    Map<String, String> inactive = Map.of("modsuite.dsa.clocks.overlays.de.notice-decision", "P1D");
    assertThat(clocks(inactive).noticeDecision(false, false)).isEqualTo(Duration.ofDays(7));
  }
}
