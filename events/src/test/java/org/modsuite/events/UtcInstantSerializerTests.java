package org.modsuite.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class UtcInstantSerializerTests {

  record Stamp(Instant at) {
  }

  @Test
  void writesWhatIsoInstantWrites() {
    SplittableRandom random = new SplittableRandom(20261122);
    for (int i = 0; i < 100_000; i++) {
      long seconds = random.nextLong(-100_000_000_000L, 300_000_000_000L);
      int nanos = switch (i % 4) {
        case 0 -> 0;
        case 1 -> random.nextInt(1_000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1_000;
        default -> random.nextInt(1_000_000_000);
      };
      Instant instant = Instant.ofEpochSecond(seconds, nanos);
      assertThat(UtcInstantSerializer.format(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
    }
  }

  @Test
  void eventsWriteInstantsInIsoForm() {
    assertThat(EventJson.write(new Stamp(Instant.parse("2026-11-22T20:30:31.123400Z")))).isEqualTo("{\"at\":\"2026-11-22T20:30:31.123400Z\"}");
    assertThat(EventJson.read(EventJson.write(new Stamp(Instant.EPOCH)), Stamp.class).at()).isEqualTo(Instant.EPOCH);
  }
}
