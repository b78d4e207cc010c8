package org.modsuite.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

  private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("partner-forum-signing-key".getBytes(StandardCharsets.UTF_8));
  private static final byte[] BODY = "{\"type\":\"post.created\"}".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.ofEpochSecond(1741950300);

  @Test
  void aStandardSignatureAmongSeveralIsAccepted() {
    String good = WebhookSignature.sign(SECRET, "msg_1", NOW.getEpochSecond(), BODY);
    String header = "v1,AAAAbm90IGl0 " + good + " v1a,ZWQyNTUxOQ==";
    assertThat(WebhookSignature.checkStandard(SECRET, "msg_1", String.valueOf(NOW.getEpochSecond()), BODY, header, NOW, Duration.ofMinutes(5))).isNull();
  }

  @Test
  void anAlteredBodyAnotherIdAStaleTimestampOrMissingHeadersAreRefused() {
    String ts = String.valueOf(NOW.getEpochSecond());
    String sig = WebhookSignature.sign(SECRET, "msg_1", NOW.getEpochSecond(), BODY);
    byte[] altered = "{\"type\":\"post.deleted\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(WebhookSignature.checkStandard(SECRET, "msg_1", ts, altered, sig, NOW, Duration.ofMinutes(5))).contains("no webhook-signature");
    assertThat(WebhookSignature.checkStandard(SECRET, "msg_2", ts, BODY, sig, NOW, Duration.ofMinutes(5))).isNotNull();
    assertThat(WebhookSignature.checkStandard(SECRET, "msg_1", ts, BODY, sig, NOW.plusSeconds(301), Duration.ofMinutes(5))).contains("timestamp");
    assertThat(WebhookSignature.checkStandard(SECRET, null, ts, BODY, sig, NOW, Duration.ofMinutes(5))).contains("required");
  }

  @Test
  void webSubHexSignaturesAreChecked() {
    String hex = HexFormat.of().formatHex(WebhookSignature.hmac("mastodon-secret".getBytes(StandardCharsets.UTF_8), BODY));
    assertThat(WebhookSignature.checkHub("mastodon-secret", BODY, "sha256=" + hex)).isNull();
    assertThat(WebhookSignature.checkHub("other-secret", BODY, "sha256=" + hex)).isNotNull();
    assertThat(WebhookSignature.checkHub("mastodon-secret", BODY, "md5=abc")).isNotNull();
  }
}
