package org.modsuite.report.service;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.lang.UnresolvableKeyException;
import org.modsuite.report.config.AuthConfig;

/**
 * report-service verifies its own tokens against the key set in memory, instead of fetching its own JWKS over HTTP
 * as the other services do: same keys, no call to itself.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class SigningKeyPrincipalFactory extends JWTCallerPrincipalFactory {

  private final SigningKeys keys;
  private final AuthConfig config;

  public SigningKeyPrincipalFactory(SigningKeys keys, AuthConfig config) {
    this.keys = keys;
    this.config = config;
  }

  @Override
  public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
    // A token signed with a real key but valid for years, or issued in the future, is refused: no token lives longer
    // than the access-token lifetime (plus the clock skew).
    int skew = (int) config.clockSkew().toSeconds();
    int lifetime = (int) config.accessTokenTtl().toSeconds() + skew;
    JwtConsumer consumer = new JwtConsumerBuilder()
        .setRequireExpirationTime()
        .setRequireIssuedAt()
        .setIssuedAtRestrictions(skew, lifetime)
        .setMaxFutureValidityInMinutes((lifetime + 59) / 60)
        .setRequireSubject()
        .setAllowedClockSkewInSeconds(skew)
        .setExpectedIssuer(config.issuer())
        .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
        .setVerificationKeyResolver((jws, nested) -> keys.publicKey(jws.getKeyIdHeaderValue())
            .orElseThrow(() -> new UnresolvableKeyException("unknown signing key")))
        .build();
    try {
      JwtContext context = consumer.process(token);
      return new DefaultJWTCallerPrincipal(token, "JWT", context.getJwtClaims());
    } catch (InvalidJwtException e) {
      throw new ParseException("token rejected", e);
    }
  }
}
