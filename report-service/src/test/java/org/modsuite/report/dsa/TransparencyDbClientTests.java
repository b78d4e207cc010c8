package org.modsuite.report.dsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.modsuite.report.dsa.FakeTransparencyDatabase.RecordedRequest;
import org.modsuite.report.dsa.SubmissionResult.Accepted;
import org.modsuite.report.dsa.SubmissionResult.RateLimited;
import org.modsuite.report.dsa.SubmissionResult.Rejected;
import org.modsuite.report.dsa.SubmissionResult.TransientFailure;
import org.modsuite.report.dsa.SubmissionResult.Unauthorized;

class TransparencyDbClientTests {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private FakeTransparencyDatabase tdb;
  private TransparencyDbClient client;

  @BeforeEach
  void start() {
    tdb = new FakeTransparencyDatabase().start();
    client = new TransparencyDbClient(tdb.baseUrl(), tdb.token(), TIMEOUT);
  }

  @AfterEach
  void stop() {
    tdb.close();
  }

  @Test
  void anAcceptedBatchReturnsOneUuidPerPuidInRequestOrder() {
    List<StatementOfReasons> batch = List.of(SampleStatements.illegal(puid()), SampleStatements.incompatible(puid()),
        SampleStatements.illegal(puid()));
    assertThat(new StatementValidator().validateBatch(batch)).isEmpty();

    SubmissionResult result = client.submit(batch);

    assertThat(result).isInstanceOf(Accepted.class);
    Accepted accepted = (Accepted) result;
    assertThat(accepted.receipts()).extracting(SubmissionResult.Receipt::puid)
        .containsExactly(batch.get(0).puid(), batch.get(1).puid(), batch.get(2).puid());
    assertThat(accepted.uuids()).doesNotHaveDuplicates().allMatch(u -> UUID.fromString(u) != null);
    assertThat(tdb.stored()).extracting(s -> s.path("uuid").asText()).containsExactlyElementsOf(accepted.uuids());

    RecordedRequest request = tdb.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/v1/statements");
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + tdb.token());
    assertThat(request.header("Accept")).isEqualTo("application/json");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.body()).startsWith("{\"statements\":[{").contains("\"content_date\":\"2025-06-30\"");
  }

  @Test
  void aBatchWithOneInvalidItemIsRejectedWholeWithItsIndex() {
    StatementOfReasons bad = SampleStatements.illegal(puid()).toBuilder().contentDate(java.time.LocalDate.of(1999, 1, 1))
        .build();

    SubmissionResult result = client.submit(List.of(SampleStatements.illegal(puid()), SampleStatements.illegal(puid()),
        bad));

    assertThat(result).isInstanceOfSatisfying(Rejected.class, r -> {
      assertThat(r.itemErrors()).containsOnlyKeys(2);
      assertThat(r.itemErrors().get(2)).containsKey("content_date");
      assertThat(r.existingPuids()).isEmpty();
      assertThat(r.message()).isNull();
    });
    assertThat(tdb.stored()).isEmpty();
  }

  @Test
  void aPuidUsedBeforeIsRejectedAndNamed() {
    String p = puid();
    assertThat(client.submit(List.of(SampleStatements.illegal(p)))).isInstanceOf(Accepted.class);

    SubmissionResult again = client.submit(List.of(SampleStatements.incompatible(puid()), SampleStatements.illegal(p)));

    assertThat(again).isInstanceOfSatisfying(Rejected.class, r -> {
      assertThat(r.existingPuids()).containsExactly(p);
      assertThat(r.itemErrors()).isEmpty();
      assertThat(r.requestErrors()).containsKey("puid");
      assertThat(r.message()).isEqualTo("The platform identifier(s) are not all unique within this call.");
    });
    assertThat(tdb.stored()).hasSize(1);
  }

  @Test
  void aPuidTwiceInOneCallIsRejected() {
    String p = puid();
    SubmissionResult result = client.submit(List.of(SampleStatements.illegal(p), SampleStatements.incompatible(p)));
    assertThat(result).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.existingPuids()).containsExactly(p));
    assertThat(tdb.stored()).isEmpty();
  }

  @Test
  void tooManyRequestsGiveRetryAfter() {
    tdb.failNextWith429(1, "7");
    assertThat(client.submit(List.of(SampleStatements.illegal(puid()))))
        .isEqualTo(new RateLimited(Duration.ofSeconds(7)));
    tdb.failNextWith429(1, null);
    assertThat(client.submit(List.of(SampleStatements.illegal(puid()))))
        .as("no header: 1 s").isEqualTo(new RateLimited(Duration.ofSeconds(1)));
    tdb.failNextWith429(1, "Sun, 22 Nov 2026 15:00:30 GMT");
    TransparencyDbClient at = new TransparencyDbClient(tdb.baseUrl(), tdb.token(), TIMEOUT,
        Clock.fixed(Instant.parse("2026-11-22T15:00:00Z"), ZoneOffset.UTC));
    assertThat(at.submit(List.of(SampleStatements.illegal(puid()))))
        .as("HTTP-date").isEqualTo(new RateLimited(Duration.ofSeconds(30)));
    assertThat(client.submit(List.of(SampleStatements.illegal(puid())))).isInstanceOf(Accepted.class);
    assertThat(tdb.stored()).hasSize(1);
  }

  @Test
  void retryAfterValuesThatCannotBeReadMeanOneSecond() {
    TransparencyDbClient at = new TransparencyDbClient(tdb.baseUrl(), tdb.token(), TIMEOUT,
        Clock.fixed(Instant.parse("2026-11-22T15:00:00Z"), ZoneOffset.UTC));
    assertThat(at.retryAfter("soon")).isEqualTo(Duration.ofSeconds(1));
    assertThat(at.retryAfter("-5")).isEqualTo(Duration.ofSeconds(1));
    assertThat(at.retryAfter(" 0 ")).isEqualTo(Duration.ZERO);
    assertThat(at.retryAfter("Sun, 22 Nov 2026 14:00:00 GMT")).as("a date in the past").isEqualTo(Duration.ZERO);
  }

  @Test
  void serverErrorsAreTransient() {
    tdb.failNextWith500(1);
    assertThat(client.submit(List.of(SampleStatements.illegal(puid())))).isEqualTo(new TransientFailure("HTTP 500"));
    assertThat(client.submit(List.of(SampleStatements.illegal(puid())))).isInstanceOf(Accepted.class);
  }

  @Test
  void aWrongTokenIsUnauthorizedAndAMissingPermissionForbidden() {
    TransparencyDbClient wrong = new TransparencyDbClient(tdb.baseUrl(), "9|not-the-token", TIMEOUT);
    assertThat(wrong.submit(List.of(SampleStatements.illegal(puid())))).isEqualTo(new Unauthorized(401));
    TransparencyDbClient viewer = new TransparencyDbClient(tdb.baseUrl(), tdb.forbiddenToken(), TIMEOUT);
    assertThat(viewer.submit(List.of(SampleStatements.illegal(puid())))).isEqualTo(new Unauthorized(403));
    assertThat(wrong.puidExists("x")).isEmpty();
    assertThat(tdb.stored()).isEmpty();
  }

  @Test
  void aTimeoutIsTransientAndPuidExistsThenTellsWhetherItWasStored() {
    TransparencyDbClient impatient = new TransparencyDbClient(tdb.baseUrl(), tdb.token(), Duration.ofMillis(300));
    tdb.slowDownNext(1, Duration.ofMillis(1500));
    String p = puid();
    long start = System.nanoTime();

    SubmissionResult result = impatient.submit(List.of(SampleStatements.illegal(p)));

    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(result).isInstanceOfSatisfying(TransientFailure.class,
        f -> assertThat(f.reason()).startsWith("timeout"));
    assertThat(tookMillis).isLessThan(1400);
    // The fake stored the batch before its slow answer: the crash-between-send-and-record case.
    assertThat(impatient.puidExists(p)).contains(true);
    assertThat(client.submit(List.of(SampleStatements.illegal(p)))).isInstanceOfSatisfying(Rejected.class,
        r -> assertThat(r.existingPuids()).containsExactly(p));
  }

  @Test
  void puidExistsIsTrueFalseOrUnknown() throws Exception {
    String p = puid();
    assertThat(client.puidExists(p)).contains(false);
    client.submit(List.of(SampleStatements.illegal(p)));
    assertThat(client.puidExists(p)).contains(true);
    RecordedRequest check = tdb.requests().get(tdb.requests().size() - 1);
    assertThat(check.path()).isEqualTo("/api/v1/statement/existing-puid/" + p);
    assertThat(check.header("Authorization")).isEqualTo("Bearer " + tdb.token());

    TransparencyDbClient wrongBase = new TransparencyDbClient(URI.create(tdb.baseUrl() + "/elsewhere"), tdb.token(),
        TIMEOUT);
    assertThat(wrongBase.puidExists(p)).as("a 404 that is not the API's answer").isEmpty();
    assertThat(wrongBase.submit(List.of(SampleStatements.illegal(puid()))))
        .isEqualTo(new TransientFailure("unexpected HTTP 404"));
    tdb.failNextWith500(1);
    assertThat(client.puidExists(p)).isEmpty();
  }

  @Test
  void connectionErrorsAreTransient() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    TransparencyDbClient nowhere = new TransparencyDbClient(URI.create("http://127.0.0.1:" + port + "/"), "1|t",
        Duration.ofSeconds(2));
    assertThat(nowhere.submit(List.of(SampleStatements.illegal(puid())))).isInstanceOf(TransientFailure.class);
    assertThat(nowhere.puidExists("x")).isEmpty();
  }

  @Test
  void rawJsonStatementsCanBeSentToo() {
    ObjectNode s = SampleStatements.json(SampleStatements.incompatible(puid()));
    assertThat(client.submitJson(List.of(s))).isInstanceOf(Accepted.class);
    assertThat(tdb.stored().get(0).path("content_id_ean").asText()).isEqualTo("4006381333931");
  }

  @Test
  void batchesHoldOneToOneHundredAndTheTokenIsNotShown() {
    assertThatThrownBy(() -> client.submit(List.of())).isInstanceOf(IllegalArgumentException.class);
    List<StatementOfReasons> many = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      many.add(SampleStatements.illegal("p" + i));
    }
    assertThatThrownBy(() -> client.submit(many)).isInstanceOf(IllegalArgumentException.class);
    assertThat(tdb.requests()).isEmpty();
    assertThat(client.toString()).doesNotContain(tdb.token());
  }

  @Test
  void oneHundredStatementsGoInOneCall() {
    List<StatementOfReasons> hundred = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      hundred.add(i % 2 == 0 ? SampleStatements.illegal(puid()) : SampleStatements.incompatible(puid()));
    }
    long start = System.nanoTime();
    SubmissionResult result = client.submit(hundred);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(result).isInstanceOfSatisfying(Accepted.class, a -> assertThat(a.receipts()).hasSize(100));
    assertThat(tdb.stored()).hasSize(100);
    System.out.printf("100-statement batch against the fake: %d ms, request body %d bytes%n", millis,
        tdb.requests().get(0).body().length());
  }

  private static String puid() {
    return "c-" + UUID.randomUUID();
  }
}
