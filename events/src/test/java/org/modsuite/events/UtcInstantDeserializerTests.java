package org.modsuite.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Instants read by hand equal what java.time reads; other forms still parse, and invalid ones still fail. */
class UtcInstantDeserializerTests {

  record Stamp(Instant at) {
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-22T20:30:31Z", "2026-11-22T20:30:31.1Z", "2026-11-22T20:30:31.123456Z", "2024-02-29T23:59:59.999999999Z",
      "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z"})
  void utcInstantsAreReadAsJavaTimeReadsThem(String text) {
    assertThat(UtcInstantDeserializer.parseUtc(text)).isEqualTo(Instant.parse(text));
    assertThat(EventJson.read("{\"at\":\"" + text + "\"}", Stamp.class).at()).isEqualTo(Instant.parse(text));
  }

  @Test
  void otherFormsGoToJacksonsDeserializer() {
    assertThat(UtcInstantDeserializer.parseUtc("2026-11-22T21:30:31+01:00")).isNull();
    assertThat(EventJson.read("{\"at\":\"2026-11-22T21:30:31+01:00\"}", Stamp.class).at()).isEqualTo(Instant.parse("2026-11-22T20:30:31Z"));
    assertThat(EventJson.read("{\"at\":1700000000.5}", Stamp.class).at()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 500_000_000));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-13-22T20:30:31Z", "2026-02-30T20:30:31Z", "2026-11-22T24:30:31Z", "2026-11-22 20:30:31Z"})
  void invalidInstantsAreStillRefused(String text) {
    assertThat(UtcInstantDeserializer.parseUtc(text)).isNull();
    assertThatThrownBy(() -> EventJson.read("{\"at\":\"" + text + "\"}", Stamp.class)).isInstanceOf(InvalidEventException.class);
  }
}
