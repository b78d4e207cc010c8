package org.modsuite.report.service;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import org.modsuite.report.SigningKey;
import org.modsuite.report.config.AuthConfig;
import org.modsuite.report.repository.SigningKeyRepository;

/**
 * The RS256 keys that sign access tokens. Kept in PostgreSQL so that every replica signs and verifies with the same
 * set; held in memory, refreshed every minute. The newest key signs; older ones stay published (JWKS) and accepted
 * until every token they signed has expired, then they are deleted. A new key is made when the newest is older than
 * {@code modsuite.auth.key-rotation}.
 */
@ApplicationScoped
public class SigningKeys {

  /** A key in memory. */
  public record Key(String kid, PrivateKey privateKey, RSAPublicKey publicKey, Instant createdAt) {
  }

  private final SigningKeyRepository repository;
  private final AuthConfig config;
  private volatile List<Key> keys = List.of();

  public SigningKeys(SigningKeyRepository repository, AuthConfig config) {
    this.repository = repository;
    this.config = config;
  }

  /** The key to sign with: the newest. */
  public Key current() {
    List<Key> now = keys;
    if (now.isEmpty()) {
      throw new IllegalStateException("no signing key loaded yet");
    }
    return now.get(0);
  }

  public Optional<RSAPublicKey> publicKey(String kid) {
    return keys.stream().filter(k -> k.kid().equals(kid)).map(Key::publicKey).findFirst();
  }

  /** The JSON Web Key Set of every key still accepted. */
  public Map<String, Object> jwks() {
    return Map.of("keys", keys.stream().map(k -> {
      Map<String, Object> jwk = new LinkedHashMap<>();
      jwk.put("kty", "RSA");
      jwk.put("kid", k.kid());
      jwk.put("use", "sig");
      jwk.put("alg", "RS256");
      jwk.put("n", base64Url(k.publicKey().getModulus()));
      jwk.put("e", base64Url(k.publicKey().getPublicExponent()));
      return jwk;
    }).toList());
  }

  /** Makes a key if none is young enough, drops retired ones, and reloads the set. Runs at start and every minute. */
  @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  @WithTransaction
  public Uni<Void> refresh() {
    Instant now = Instant.now();
    return repository.deleteRetired(now)
        .chain(() -> repository.listUnretired(now))
        .chain(stored -> stored.isEmpty() || stored.get(0).getCreatedAt().isBefore(now.minus(config.keyRotation()))
            ? repository.persist(generate(now)).chain(() -> repository.listUnretired(now))
            : Uni.createFrom().item(stored))
        .invoke(stored -> keys = stored.stream().map(SigningKeys::load).toList())
        .replaceWithVoid();
  }

  /** A key retires once it has stopped signing (a rotation period) and the last token it signed has expired. */
  private SigningKey generate(Instant now) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      String kid = UUID.randomUUID().toString();
      Log.infof("new token signing key %s", kid);
      Instant retireAt = now.plus(config.keyRotation()).plus(config.accessTokenTtl()).plus(config.clockSkew()).plusSeconds(3600);
      return new SigningKey(kid, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
          Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), now, retireAt);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("RSA is not available", e);
    }
  }

  private static Key load(SigningKey stored) {
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(stored.getPrivateKey())));
      RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(stored.getPublicKey())));
      return new Key(stored.getKid(), privateKey, publicKey, stored.getCreatedAt());
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException("signing key " + stored.getKid() + " cannot be read", e);
    }
  }

  private static String base64Url(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length); // unsigned big-endian, as RFC 7518 wants
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
