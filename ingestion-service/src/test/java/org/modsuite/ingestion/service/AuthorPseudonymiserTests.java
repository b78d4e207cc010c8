package org.modsuite.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuthorPseudonymiserTests {

  private final AuthorPseudonymiser pseudonymiser = new AuthorPseudonymiser("a-key-of-sufficient-length");

  @Test
  void sameAccountGetsTheSamePseudonymWithoutTheHandle() {
    String first = pseudonymiser.pseudonymise("mastodon", "@alice@social.example");
    assertThat(first).startsWith("a1:").hasSize(35).doesNotContain("alice");
    assertThat(pseudonymiser.pseudonymise("mastodon", "@alice@social.example")).isEqualTo(first);
  }

  @Test
  void platformAndKeyChangeThePseudonym() {
    String mastodon = pseudonymiser.pseudonymise("mastodon", "42");
    assertThat(pseudonymiser.pseudonymise("telegram", "42")).isNotEqualTo(mastodon);
    assertThat(new AuthorPseudonymiser("another-key-of-some-length").pseudonymise("mastodon", "42")).isNotEqualTo(mastodon);
  }

  @Test
  void noAuthorStaysNullAndShortKeysAreRefused() {
    assertThat(pseudonymiser.pseudonymise("rss", null)).isNull();
    assertThatThrownBy(() -> new AuthorPseudonymiser("short")).hasMessageContaining("16 characters");
  }
}
