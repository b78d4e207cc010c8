package org.modsuite.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Tokens for the tests of services that verify ModSuite tokens against a JWKS (ingestion, moderation): a test key
 * set written to a file, RS256 tokens signed with it, and the bad tokens a role matrix needs (expired, signed by
 * another key, role tampered). Made fresh in every test JVM; no key is stored in the repository.
 */
public final class TestTokens {

  public static final String ISSUER = "modsuite";
  private static final String KID = "test-key";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final KeyPair KEYS = generate();
  private static final KeyPair FOREIGN = generate();
  private static Path jwks;

  private TestTokens() {
  }

  /** The JWKS file with the test key, for {@code mp.jwt.verify.publickey.location}. */
  public static synchronized Path jwksFile() {
    if (jwks == null) {
      RSAPublicKey key = (RSAPublicKey) KEYS.getPublic();
      Map<String, Object> jwk = new LinkedHashMap<>();
      jwk.put("kty", "RSA");
      jwk.put("kid", KID);
      jwk.put("use", "sig");
      jwk.put("alg", "RS256");
      jwk.put("n", unsigned(key.getModulus()));
      jwk.put("e", unsigned(key.getPublicExponent()));
      try {
        jwks = Files.createTempFile("modsuite-test-jwks", ".json");
        jwks.toFile().deleteOnExit();
        Files.writeString(jwks, JSON.writeValueAsString(Map.of("keys", List.of(jwk))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return jwks;
  }

  /** Configuration that makes a service verify tokens against the test key set. */
  public static Map<String, String> verificationConfig() {
    return Map.of("mp.jwt.verify.publickey.location", jwksFile().toString(), "mp.jwt.verify.issuer", ISSUER);
  }

  public static String token(String... roles) {
    return sign(KEYS, claims(Instant.now().plusSeconds(600), roles));
  }

  public static String expired(String... roles) {
    return sign(KEYS, claims(Instant.now().minusSeconds(3600), roles));
  }

  /** Signed by the right key, but valid for ten years: the services cap the lifetime they accept. */
  public static String longLived(String... roles) {
    return sign(KEYS, claims(Instant.now(), Instant.now().plus(Duration.ofDays(3653)), roles));
  }

  /** Signed by the right key, a short lifetime, but issued ten years from now (and so valid then). */
  public static String issuedInTheFuture(String... roles) {
    Instant issued = Instant.now().plus(Duration.ofDays(3653));
    return sign(KEYS, claims(issued, issued.plusSeconds(600), roles));
  }

  /** Signed by a key the services do not know, under the same key id. */
  public static String foreign(String... roles) {
    return sign(FOREIGN, claims(Instant.now().plusSeconds(600), roles));
  }

  /** The token with its roles replaced and the original signature kept, as an attacker would try. */
  public static String tampered(String token, String... roles) {
    String[] parts = token.split("\\.");
    try {
      ObjectNode payload = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      payload.set("groups", JSON.valueToTree(Arrays.asList(roles)));
      return parts[0] + "." + B64.encodeToString(JSON.writeValueAsBytes(payload)) + "." + parts[2];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bad tokens of a role matrix: expired, ten years long, issued in the future, signed by an unknown key, and with a tampered role. */
  public static Map<String, String> badTokens() {
    return Map.of(
        "expired token", expired("admin"),
        "token valid for ten years", longLived("admin"),
        "token issued ten years from now", issuedInTheFuture("admin"),
        "token of another key", foreign("admin"),
        "token with a tampered role", tampered(token("compliance"), "admin"));
  }

  private static Map<String, Object> claims(Instant expiresAt, String... roles) {
    return claims(Instant.now(), expiresAt, roles);
  }

  private static Map<String, Object> claims(Instant issuedAt, Instant expiresAt, String... roles) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", ISSUER);
    claims.put("sub", "test-" + String.join("-", roles));
    claims.put("upn", "test-" + String.join("-", roles));
    claims.put("groups", List.of(roles));
    claims.put("iat", issuedAt.getEpochSecond());
    claims.put("exp", expiresAt.getEpochSecond());
    claims.put("jti", UUID.randomUUID().toString());
    return claims;
  }

  private static String sign(KeyPair keys, Map<String, Object> claims) {
    try {
      String header = B64.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", KID)));
      String payload = B64.encodeToString(JSON.writeValueAsBytes(claims));
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(keys.getPrivate());
      signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
      return header + "." + payload + "." + B64.encodeToString(signature.sign());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    return B64.encodeToString(bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
  }
}
