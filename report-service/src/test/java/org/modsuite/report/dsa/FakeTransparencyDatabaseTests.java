package org.modsuite.report.dsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modsuite.report.dsa.SampleStatements.json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Proves the fake: it refuses what the real database refuses, drops what it drops, and answers in its envelopes. */
class FakeTransparencyDatabaseTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private FakeTransparencyDatabase tdb;

  @BeforeEach
  void start() {
    tdb = new FakeTransparencyDatabase().start();
  }

  @AfterEach
  void stop() {
    tdb.close();
  }

  // ---- accepted -----------------------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {StatementOfReasons.ILLEGAL_CONTENT, StatementOfReasons.INCOMPATIBLE_CONTENT})
  void acceptsAStatementOurValidatorAccepts(String ground) throws Exception {
    StatementOfReasons s = ground.equals(StatementOfReasons.ILLEGAL_CONTENT)
        ? SampleStatements.illegal(puid()) : SampleStatements.incompatible(puid());
    assertThat(new StatementValidator().validate(s)).isEmpty();

    HttpResponse<String> r = post("/api/v1/statements", batch(json(s)));

    assertThat(r.statusCode()).isEqualTo(201);
    JsonNode echo = read(r).path("statements").get(0);
    assertThat(echo.path("uuid").asText()).matches("[0-9a-f-]{36}");
    assertThat(echo.path("puid").asText()).isEqualTo(s.puid());
    assertThat(echo.path("created_at").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    assertThat(echo.path("platform_name").asText()).isEqualTo(FakeTransparencyDatabase.PLATFORM_NAME);
    assertThat(echo.path("self").asText()).endsWith("/api/v1/statement/" + echo.path("uuid").asText());
    assertThat(echo.path("permalink").asText()).endsWith("/statement/" + echo.path("uuid").asText());
    assertThat(echo.has("id")).as("no id in batch answers").isFalse();
    assertThat(echo.path("decision_monetary").isNull()).as("optional fields default to null").isTrue();
    assertThat(echo.path("decision_ground").asText()).isEqualTo(ground);
    assertThat(tdb.stored()).singleElement().satisfies(st -> {
      assertThat(st.path("id").asLong()).isGreaterThanOrEqualTo(100_000_000_000L);
      assertThat(st.path("decision_facts").asText()).isEqualTo(s.decisionFacts());
    });
  }

  @Test
  void batchAnswerFillsDefaultsAndNormalisesOnlyTheTerritorialScope() throws Exception {
    ObjectNode s = json(SampleStatements.illegal(puid()));
    s.putArray("territorial_scope").add("FR").add("DE").add("FR");
    s.putArray("content_type").add("CONTENT_TYPE_VIDEO").add("CONTENT_TYPE_TEXT");
    JsonNode echo = read(post("/api/v1/statements", batch(s))).path("statements").get(0);
    assertThat(echo.path("territorial_scope").toString()).isEqualTo("[\"DE\",\"FR\"]");
    assertThat(echo.path("content_type").toString()).isEqualTo("[\"CONTENT_TYPE_VIDEO\",\"CONTENT_TYPE_TEXT\"]");
    assertThat(echo.path("category_addition").toString()).isEqualTo("[]");
    assertThat(echo.path("content_id_ean").isNull()).isTrue();
  }

  // ---- refused, per rule --------------------------------------------------------------------------------------

  static Stream<Arguments> crossFieldRules() {
    return Stream.of(
        rule("R1 no restriction", false, s -> s.remove("decision_visibility"), "decision_visibility",
            "The decision visibility field is required when none of decision monetary / decision provision /"
                + " decision account are present."),
        rule("R1 empty visibility", false, s -> s.putArray("decision_visibility"), "decision_account", null),
        rule("R2 visibility other", false, s -> s.putArray("decision_visibility").add("DECISION_VISIBILITY_OTHER"),
            "decision_visibility_other", null),
        rule("R3 monetary other", false, s -> s.put("decision_monetary", "DECISION_MONETARY_OTHER"),
            "decision_monetary_other", null),
        rule("R4 content type other", false, s -> s.putArray("content_type").add("CONTENT_TYPE_OTHER"),
            "content_type_other", "The content type other field is required when content type is CONTENT_TYPE_OTHER."),
        rule("R5 legal ground", false, s -> s.remove("illegal_content_legal_ground"), "illegal_content_legal_ground",
            null),
        rule("R5 illegal explanation", false, s -> s.remove("illegal_content_explanation"),
            "illegal_content_explanation", null),
        rule("R6 contractual ground", true, s -> s.remove("incompatible_content_ground"),
            "incompatible_content_ground", null),
        rule("R6 incompatible explanation", true, s -> s.remove("incompatible_content_explanation"),
            "incompatible_content_explanation", null),
        rule("R6 Yes/No literal", true, s -> s.put("incompatible_content_illegal", "yes"),
            "incompatible_content_illegal", "The selected incompatible content illegal is invalid."),
        rule("R9 puid format", false, s -> s.put("puid", "has space"), "puid", "The puid format is invalid."),
        rule("R9 puid length", false, s -> s.put("puid", "p".repeat(501)), "puid", null),
        rule("R10 content date", false, s -> s.put("content_date", "1999-12-31"), "content_date",
            "The content date field must be a date after or equal to 2000-01-01."),
        rule("R10 application date", false, s -> s.put("application_date", "2038-01-02"), "application_date",
            "The application date field must be a date before or equal to 2038-01-01."),
        rule("R10 end date", false, s -> s.put("end_date_service_restriction", "2038-01-02"),
            "end_date_service_restriction", null),
        rule("R10 format", false, s -> s.put("content_date", "2025-7-1"), "content_date",
            "The content date does not match the format YYYY-MM-DD."));
  }

  private static Arguments rule(String name, boolean incompatible, Consumer<ObjectNode> change, String field,
      String message) {
    return Arguments.of(name, incompatible, change, field, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("crossFieldRules")
  void refusesAStatementThatBreaksARule(String name, boolean incompatible, Consumer<ObjectNode> change, String field,
      String message) throws Exception {
    ObjectNode s = json(incompatible ? SampleStatements.incompatible(puid()) : SampleStatements.illegal(puid()));
    change.accept(s);
    assertThat(new StatementValidator().validate(s)).as("our validator agrees").isNotEmpty();

    HttpResponse<String> r = post("/api/v1/statements", batch(s));

    assertThat(r.statusCode()).isEqualTo(422);
    JsonNode body = read(r);
    assertThat(body.has("message")).as("no top-level message in the batch envelope").isFalse();
    JsonNode errors = body.path("errors").path("statement_0").path(field);
    assertThat(errors.isArray()).as(body.toString()).isTrue();
    if (message != null) {
      assertThat(errors.get(0).asText()).isEqualTo(message);
    }
    assertThat(tdb.stored()).isEmpty();
  }

  static Stream<String> alwaysRequired() {
    return SorSchema.ALWAYS_REQUIRED.stream();
  }

  @ParameterizedTest
  @MethodSource("alwaysRequired")
  void refusesAStatementWithoutAnAlwaysRequiredField(String field) throws Exception {
    ObjectNode s = json(SampleStatements.illegal(puid()));
    s.put(field, "  ");
    JsonNode errors = read(post("/api/v1/statements", batch(s))).path("errors").path("statement_0");
    assertThat(errors.path(field).get(0).asText()).isEqualTo("The " + field.replace('_', ' ') + " field is required.");
  }

  @Test
  void r7AndR8ValuesAreNulledByTheBatchEndpointAndKeptOrDroppedBySingle() throws Exception {
    ObjectNode s = json(SampleStatements.incompatible(puid()));
    s.put("source_identity", "Consumer association");
    s.putArray("category_specification").add("KEYWORD_INAUTHENTIC_LISTINGS");
    assertThat(new StatementValidator().validate(s)).extracting(FieldViolation::field)
        .containsExactlyInAnyOrder("source_identity", "category_specification_other");

    JsonNode batchEcho = read(post("/api/v1/statements", batch(s))).path("statements").get(0);
    assertThat(batchEcho.path("source_identity").isNull()).isTrue();
    assertThat(batchEcho.path("category_specification_other").isNull()).isTrue();

    s.put("puid", puid());
    JsonNode singleEcho = read(post("/api/v1/statement", s));
    assertThat(singleEcho.has("source_identity")).as("excluded by validation").isFalse();
    assertThat(singleEcho.path("category_specification_other").asText()).isEqualTo("Repeated posting of the same link");
  }

  @Test
  void fieldsOfTheOtherGroundAreDroppedUnvalidated() throws Exception {
    ObjectNode s = json(SampleStatements.illegal(puid()));
    s.put("incompatible_content_ground", "x".repeat(600));
    s.put("decision_visibility_other", "x".repeat(600));
    assertThat(new StatementValidator().validate(s)).extracting(FieldViolation::field)
        .containsOnly("incompatible_content_ground", "decision_visibility_other");

    HttpResponse<String> r = post("/api/v1/statements", batch(s));

    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(tdb.stored().get(0).path("incompatible_content_ground").isNull()).isTrue();
    assertThat(tdb.stored().get(0).path("decision_visibility_other").isNull()).isTrue();
  }

  @Test
  void theStringNullPassesWhereTheDatabaseListsItAndLowerCaseLanguagesDoNot() throws Exception {
    ObjectNode quirk = json(SampleStatements.illegal(puid()));
    quirk.put("decision_account", "null");
    assertThat(post("/api/v1/statements", batch(quirk)).statusCode()).isEqualTo(201);
    assertThat(new StatementValidator().validate(quirk)).as("we never send it").isNotEmpty();

    ObjectNode lower = json(SampleStatements.illegal(puid()));
    lower.put("content_language", "de");
    assertThat(read(post("/api/v1/statements", batch(lower))).path("errors").path("statement_0")
        .has("content_language")).isTrue();
  }

  @Test
  void lengthsAreCountedAfterTrimming() throws Exception {
    ObjectNode s = json(SampleStatements.illegal(puid()));
    s.put("decision_facts", "  " + "f".repeat(5000) + "  ");
    assertThat(post("/api/v1/statements", batch(s)).statusCode()).isEqualTo(201);
    s.put("puid", puid());
    s.put("decision_facts", "f".repeat(5001));
    assertThat(read(post("/api/v1/statements", batch(s))).path("errors").path("statement_0").path("decision_facts")
        .get(0).asText()).isEqualTo("The decision facts field must not be greater than 5000 characters.");
  }

  // ---- batches ------------------------------------------------------------------------------------------------

  @Test
  void aBatchIsAllOrNothingAndNamesTheFailingIndex() throws Exception {
    ObjectNode bad = json(SampleStatements.illegal(puid()));
    bad.put("category", "STATEMENT_CATEGORY_SPAM");
    JsonNode body = read(post("/api/v1/statements", batch(json(SampleStatements.illegal(puid())), bad)));
    assertThat(body.path("errors").fieldNames()).toIterable().containsExactly("statement_1");
    assertThat(body.path("errors").path("statement_1").path("category").get(0).asText())
        .isEqualTo("The selected category is invalid.");
    assertThat(tdb.stored()).isEmpty();
  }

  @Test
  void puidsAreUniqueWithinACallAndForEver() throws Exception {
    String p = puid();
    HttpResponse<String> inCall = post("/api/v1/statements", batch(json(SampleStatements.illegal(p)),
        json(SampleStatements.incompatible(p))));
    assertThat(inCall.statusCode()).isEqualTo(422);
    assertThat(read(inCall).path("message").asText())
        .isEqualTo("The platform identifier(s) are not all unique within this call.");
    assertThat(read(inCall).path("errors").path("existing_puids").toString()).isEqualTo("[\"" + p + "\"]");
    assertThat(tdb.stored()).isEmpty();

    assertThat(post("/api/v1/statements", batch(json(SampleStatements.illegal(p)))).statusCode()).isEqualTo(201);
    String other = puid();
    HttpResponse<String> later = post("/api/v1/statements", batch(json(SampleStatements.illegal(other)),
        json(SampleStatements.illegal(p))));
    assertThat(read(later).path("errors").path("existing_puids").toString()).isEqualTo("[\"" + p + "\"]");
    assertThat(tdb.stored()).hasSize(1);
    assertThat(post("/api/v1/statement", json(SampleStatements.illegal(p))).body())
        .contains("\"existing\":{\"puid\":\"" + p + "\"}");
  }

  @Test
  void theStatementsKeyMustHoldOneToOneHundredItems() throws Exception {
    ObjectNode empty = JSON.createObjectNode();
    empty.putArray("statements");
    JsonNode body = read(post("/api/v1/statements", empty));
    assertThat(body.path("message").asText()).isNotEmpty();
    assertThat(body.path("errors").has("statements")).isTrue();
    ArrayNode many = JSON.createArrayNode();
    for (int i = 0; i < 101; i++) {
      many.add(json(SampleStatements.illegal(puid())));
    }
    ObjectNode tooMany = JSON.createObjectNode();
    tooMany.set("statements", many);
    assertThat(post("/api/v1/statements", tooMany).statusCode()).isEqualTo(422);
    assertThat(post("/api/v1/statements", JSON.createObjectNode()).statusCode()).isEqualTo(422);
  }

  // ---- single endpoint and reads ------------------------------------------------------------------------------

  @Test
  void singleEndpointAnswersWithIdNullEndDatesAndNormalisedArrays() throws Exception {
    ObjectNode s = json(SampleStatements.incompatible(puid()));
    s.putArray("content_type").add("CONTENT_TYPE_TEXT").add("CONTENT_TYPE_OTHER").add("CONTENT_TYPE_TEXT");
    s.putArray("category_addition").add("STATEMENT_CATEGORY_SCAMS_AND_FRAUD").add("STATEMENT_CATEGORY_VIOLENCE");
    s.remove("content_id");
    s.put("content_id_ean", "4006381333931");

    HttpResponse<String> r = post("/api/v1/statement", s);

    assertThat(r.statusCode()).isEqualTo(201);
    JsonNode body = read(r);
    assertThat(body.path("id").asLong()).isGreaterThanOrEqualTo(100_000_000_000L);
    assertThat(body.path("end_date_visibility_restriction").isNull()).isTrue();
    assertThat(body.path("content_type").toString()).isEqualTo("[\"CONTENT_TYPE_OTHER\",\"CONTENT_TYPE_TEXT\"]");
    assertThat(body.path("category_addition").toString()).isEqualTo("[\"STATEMENT_CATEGORY_VIOLENCE\"]");
    assertThat(body.path("content_id_ean").asText()).isEqualTo("4006381333931");
  }

  @Test
  void singleEndpointErrorEnvelopeHasAMessageWithTheCount() throws Exception {
    ObjectNode s = json(SampleStatements.illegal(puid()));
    s.remove(List.of("category", "decision_facts"));
    HttpResponse<String> r = post("/api/v1/statement", s);
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(read(r).path("message").asText()).isEqualTo("The category field is required. (and 1 more error)");
    assertThat(read(r).path("errors").has("decision_facts")).isTrue();
  }

  @Test
  void readsAStatementByUuidWithoutIdOrPuid() throws Exception {
    String uuid = read(post("/api/v1/statements", batch(json(SampleStatements.illegal(puid())))))
        .path("statements").get(0).path("uuid").asText();
    HttpResponse<String> r = get("/api/v1/statement/" + uuid, tdb.token());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(read(r).path("uuid").asText()).isEqualTo(uuid);
    assertThat(read(r).has("id")).isFalse();
    assertThat(read(r).has("puid")).isFalse();
    assertThat(get("/api/v1/statement/" + UUID.randomUUID(), tdb.token()).statusCode()).isEqualTo(404);
  }

  @Test
  void existingPuidAnswers302Or404WithABody() throws Exception {
    String p = puid();
    post("/api/v1/statements", batch(json(SampleStatements.illegal(p))));
    HttpResponse<String> found = get("/api/v1/statement/existing-puid/" + p, tdb.token());
    assertThat(found.statusCode()).isEqualTo(302);
    assertThat(found.body()).isEqualTo("{\"message\":\"statement of reason found\",\"puid\":\"" + p + "\"}");
    HttpResponse<String> missing = get("/api/v1/statement/existing-puid/nope", tdb.token());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).isEqualTo("{\"message\":\"statement of reason not found\",\"puid\":\"nope\"}");
  }

  // ---- auth, headers, faults ----------------------------------------------------------------------------------

  @Test
  void tokensAndAcceptHeaderMatter() throws Exception {
    assertThat(get("/api/v1/statement/existing-puid/x", "1|wrong").statusCode()).isEqualTo(401);
    assertThat(send(HttpRequest.newBuilder(tdb.baseUrl().resolve("/api/v1/statement/existing-puid/x"))
        .header("Accept", "application/json").GET().build()).statusCode()).isEqualTo(401);
    HttpResponse<String> forbidden = send(HttpRequest.newBuilder(tdb.baseUrl().resolve("/api/v1/statements"))
        .header("Authorization", "Bearer " + tdb.forbiddenToken()).header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(batch(json(SampleStatements.illegal(puid()))).toString())).build());
    assertThat(forbidden.statusCode()).isEqualTo(403);
    HttpResponse<String> noAccept = send(HttpRequest.newBuilder(tdb.baseUrl().resolve("/api/v1/statements"))
        .header("Authorization", "Bearer " + tdb.token()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"statements\":[{}]}")).build());
    assertThat(noAccept.statusCode()).as("Laravel redirects a failed validation without Accept: json").isEqualTo(302);
    assertThat(tdb.stored()).isEmpty();
  }

  @Test
  void faultsAnswerTheNextRequests() throws Exception {
    tdb.failNextWith429(1, "3");
    tdb.failNextWith500(1);
    HttpResponse<String> limited = get("/api/v1/statement/existing-puid/x", tdb.token());
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("3");
    assertThat(limited.body()).isEqualTo(FakeTransparencyDatabase.RATE_LIMIT_BODY);
    assertThat(get("/api/v1/statement/existing-puid/x", tdb.token()).statusCode()).isEqualTo(500);
    assertThat(get("/api/v1/statement/existing-puid/x", tdb.token()).statusCode()).isEqualTo(404);
    assertThat(tdb.requests()).hasSize(3);
  }

  // ---- helpers ------------------------------------------------------------------------------------------------

  private static String puid() {
    return "t-" + UUID.randomUUID();
  }

  private static ObjectNode batch(JsonNode... statements) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode items = body.putArray("statements");
    for (JsonNode s : statements) {
      items.add(s);
    }
    return body;
  }

  private HttpResponse<String> post(String path, JsonNode body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(tdb.baseUrl().resolve(path))
        .header("Authorization", "Bearer " + tdb.token())
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
  }

  private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(tdb.baseUrl() + path))
        .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build());
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode read(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body());
  }
}
