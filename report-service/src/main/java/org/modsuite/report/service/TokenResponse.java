package org.modsuite.report.service;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The OAuth 2.0 token response (RFC 6749 §5.1). */
public record TokenResponse(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("expires_in") long expiresIn,
    @JsonProperty("refresh_token") String refreshToken) {
}
