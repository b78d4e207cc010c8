package org.modsuite.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NulCharactersTests {

  @Test
  void namesTheFieldHoldingAnEscapedNul() {
    assertThat(NulCharacters.firstField("{\"platform\":\"fuzz\",\"sourceId\":\"\\u0000nul\",\"text\":\"hello\"}")).hasValue("/sourceId");
    assertThat(NulCharacters.firstField("{\"reasons\":[{\"id\":\"r\"},{\"text\":\"a\\u0000b\"}]}")).hasValue("/reasons/1/text");
  }

  @Test
  void findsANulInAFieldNameAndLeavesARawNulToTheParser() {
    assertThat(NulCharacters.firstField("{\"a\\u0000\":1}")).hasValue("/a\u0000");
    // a raw control character is not JSON: EventJson.read refuses the record with the parser's reason
    assertThat(NulCharacters.firstField("{\"text\":\"x\u0000\"}")).isEmpty();
    assertThatThrownBy(() -> EventJson.read("{\"text\":\"x\u0000\"}", PostEvent.class)).isInstanceOf(InvalidEventException.class);
  }

  @Test
  void aRecordWithoutNulPasses() {
    assertThat(NulCharacters.firstField("{\"text\":\"\\\\u0000 is how JSON writes NUL\"}")).isEmpty();
    assertThat(NulCharacters.firstField("{\"text\":\"hello\"}")).isEmpty();
    assertThat(NulCharacters.firstField(null)).isEmpty();
    assertThat(NulCharacters.firstField("not json \\u0000")).isEmpty();
  }

  @Test
  void refuseNamesTheFieldAndTheReason() {
    assertThatThrownBy(() -> NulCharacters.refuse("{\"text\":\"a\\u0000\"}", PostEvent.class))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("PostEvent").hasMessageContaining("/text").hasMessageContaining("U+0000");
  }
}
