package org.modsuite.moderation.rest;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * smallrye-jwt's verification, plus a refusal of tokens issued in the future. {@code smallrye.jwt.time-to-live} caps
 * exp - iat, and {@code mp.jwt.verify.token.age} caps now - iat, but neither refuses an iat years ahead: a token
 * signed with a real key, issued for 2036 and valid for 15 minutes from then, would be accepted until 2036.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class BoundedTokenPrincipalFactory extends DefaultJWTCallerPrincipalFactory {

  @Override
  public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
    JWTCallerPrincipal principal = super.parse(token, authContextInfo);
    long now = System.currentTimeMillis() / 1000;
    if (principal.getIssuedAtTime() > now + Math.max(authContextInfo.getClockSkew(), 0)) {
      throw new ParseException("token issued in the future");
    }
    return principal;
  }
}
