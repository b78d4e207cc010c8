package org.modsuite.moderation.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.modsuite.moderation.service.ContentFingerprint;
import org.modsuite.moderation.service.Fingerprinter;
import org.modsuite.moderation.service.LexiconAnalyser;

/** Fingerprints survive their compact form on moderation.fingerprints; JSON records written before it still read. */
class FingerprintEncodingTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aFingerprintReadsBackAsItWasWritten() throws Exception {
    ContentFingerprint quoted = Fingerprinter.of("They said \"migrants are rats\" and we condemn it", List.of(
        new LexiconAnalyser.Fired("en.context.counter", "context", null, 1.0, null, List.of(), List.of())));
    for (ContentFingerprint fingerprint : List.of(quoted, Fingerprinter.of("!!!", List.of()))) {
      ContentFingerprint read = FingerprintRepository.decode(FingerprintRepository.encode(fingerprint), JSON);
      assertThat(read.exact()).isEqualTo(fingerprint.exact());
      assertThat(read.minHash()).isEqualTo(fingerprint.minHash());
      assertThat(read.framing()).isEqualTo(fingerprint.framing());
    }
    assertThat(quoted.framing()).contains(Fingerprinter.QUOTE, "en.context.counter");
  }

  @Test
  void aJsonRecordFromBeforeIsRead() throws Exception {
    ContentFingerprint fingerprint = Fingerprinter.of("refugees welcome here", List.of());
    ContentFingerprint read = FingerprintRepository.decode(JSON.writeValueAsString(fingerprint), JSON);
    assertThat(read.minHash()).isEqualTo(fingerprint.minHash());
    assertThat(read.exact()).isEqualTo(fingerprint.exact());
  }

  @Test
  void somethingElseIsRefused() {
    assertThatThrownBy(() -> FingerprintRepository.decode("abc", JSON)).isInstanceOf(IllegalArgumentException.class);
  }
}
