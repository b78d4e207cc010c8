package org.modsuite.report;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An RS256 signing key pair (PKCS#8 and X.509, Base64), published in the JWKS until {@code retireAt}. */
@Entity
@Table(name = "signing_key")
public class SigningKey {

  @Id
  private String kid;
  @Column(columnDefinition = "TEXT")
  private String privateKey;
  @Column(columnDefinition = "TEXT")
  private String publicKey;
  private Instant createdAt;
  private Instant retireAt;

  protected SigningKey() {
  }

  public SigningKey(String kid, String privateKey, String publicKey, Instant createdAt, Instant retireAt) {
    this.kid = kid;
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.createdAt = createdAt;
    this.retireAt = retireAt;
  }

  public String getKid() {
    return kid;
  }

  public String getPrivateKey() {
    return privateKey;
  }

  public String getPublicKey() {
    return publicKey;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getRetireAt() {
    return retireAt;
  }
}
