package org.modsuite.ingestion.service;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces a platform account id by a keyed HMAC-SHA-256, so that posts of one author can be linked without the
 * handle being stored anywhere downstream. The same account on the same platform always gets the same pseudonym.
 */
public final class AuthorPseudonymiser {

  private final SecretKeySpec key;

  public AuthorPseudonymiser(String key) {
    if (key == null || key.length() < 16) {
      throw new IllegalArgumentException("the pseudonym key must have at least 16 characters");
    }
    this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** {@code a1:<32 hex characters>}, or null when the source gave no author. */
  public String pseudonymise(String platform, String accountId) {
    if (accountId == null || accountId.isBlank()) {
      return null;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal((platform + "\u0000" + accountId).getBytes(StandardCharsets.UTF_8));
      return "a1:" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available", e);
    }
  }
}
