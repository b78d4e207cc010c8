package org.modsuite.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SecretCipherTests {

  private final SecretCipher cipher = new SecretCipher("a-secret-key-of-some-length");

  @Test
  void roundTripsWithAFreshIvEachTime() {
    byte[] a = cipher.encrypt("src", "token-123");
    byte[] b = cipher.encrypt("src", "token-123");
    assertThat(a).isNotEqualTo(b);
    assertThat(new String(a, StandardCharsets.ISO_8859_1)).doesNotContain("token-123");
    assertThat(cipher.decrypt("src", a)).isEqualTo("token-123");
  }

  @Test
  void anotherSourceAnotherKeyOrAnAlteredValueDoNotDecrypt() {
    byte[] sealed = cipher.encrypt("src", "token-123");
    assertThatThrownBy(() -> cipher.decrypt("other", sealed)).hasMessageContaining("cannot be decrypted");
    assertThatThrownBy(() -> new SecretCipher("another-key-of-some-length").decrypt("src", sealed)).isInstanceOf(IllegalStateException.class);
    sealed[sealed.length - 1] ^= 1;
    assertThatThrownBy(() -> cipher.decrypt("src", sealed)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new SecretCipher("short")).hasMessageContaining("16 characters");
  }
}
