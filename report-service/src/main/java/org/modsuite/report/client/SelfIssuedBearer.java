package org.modsuite.report.client;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.modsuite.report.service.TokenService;

/**
 * The {@code Authorization} header report-service sends to the other services: a token it signs for itself (subject
 * {@code report-service}, one role, one minute), which they verify through report-service's JWKS like every other.
 */
@ApplicationScoped
public class SelfIssuedBearer {

  static final String SUBJECT = "report-service";
  private static final Duration LIFETIME = Duration.ofMinutes(1);

  private final TokenService tokens;

  public SelfIssuedBearer(TokenService tokens) {
    this.tokens = tokens;
  }

  public String header(String role) {
    return "Bearer " + tokens.accessToken(SUBJECT, List.of(role), null, LIFETIME);
  }
}
