package org.modsuite.report.dsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modsuite.report.dsa.SampleStatements.json;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

class StatementValidatorTests {

  private final StatementValidator validator = new StatementValidator();

  // ---- schema and model ---------------------------------------------------------------------------------------

  @Test
  void listsComeFromTheSchemaFile() {
    assertThat(SorSchema.CATEGORIES).hasSize(16);
    assertThat(SorSchema.KEYWORDS).hasSize(69).contains("KEYWORD_OTHER", "KEYWORD_STALKING")
        .doesNotContain("KEYWORD_DANGEROUS_TOYS");
    assertThat(SorSchema.CONTENT_TYPES).hasSize(8);
    assertThat(SorSchema.CONTENT_LANGUAGES).hasSize(184).contains("EN", "GA").allMatch(c -> c.matches("[A-Z]{2}"));
    assertThat(SorSchema.TERRITORIAL_SCOPES).hasSize(30).contains("GR").doesNotContain("EL");
    assertThat(SorSchema.DECISION_VISIBILITY).hasSize(7);
    assertThat(SorSchema.DECISION_MONETARY).hasSize(3);
    assertThat(SorSchema.DECISION_PROVISION).hasSize(4);
    assertThat(SorSchema.DECISION_ACCOUNT).hasSize(2);
    assertThat(SorSchema.ACCOUNT_TYPES).hasSize(2);
    assertThat(SorSchema.DECISION_GROUNDS).containsExactly(StatementOfReasons.ILLEGAL_CONTENT,
        StatementOfReasons.INCOMPATIBLE_CONTENT);
    assertThat(SorSchema.SOURCE_TYPES).hasSize(4);
    assertThat(SorSchema.AUTOMATED_DECISIONS).hasSize(3);
    assertThat(SorSchema.YES_NO).containsExactly("Yes", "No");
    assertThat(SorSchema.ALWAYS_REQUIRED).hasSize(10);
  }

  @Test
  void recordHasTheThirtyFiveBatchFieldsInSnakeCase() {
    StatementOfReasons s = SampleStatements.incompatible("p-1");
    ObjectNode node = json(s);
    assertThat(StatementOfReasons.class.getRecordComponents()).hasSize(35);
    assertThat(StatementValidator.fieldNames()).hasSize(35).doesNotContain("content_id_ean");
    node.fieldNames().forEachRemaining(n -> assertThat(StatementValidator.fieldNames()).contains(n));
    assertThat(node.get("content_date").textValue()).isEqualTo("2025-07-02");
    assertThat(node.get("end_date_account_restriction").textValue()).isEqualTo("2025-08-01");
    assertThat(node.get("automated_detection").textValue()).isEqualTo("Yes");
    assertThat(node.get("incompatible_content_illegal").textValue()).isEqualTo("Yes");
    assertThat(node.get("content_id").toString()).isEqualTo("{\"EAN-13\":\"4006381333931\"}");
    assertThat(node.has("illegal_content_legal_ground")).as("absent fields are left out").isFalse();
    assertThat(node.get("content_type").isArray()).isTrue();
  }

  @Test
  void readsBackWhatItWrites() throws Exception {
    StatementOfReasons s = SampleStatements.incompatible("p-1");
    String text = SorJson.mapper().writeValueAsString(s);
    assertThat(SorJson.mapper().readValue(text, StatementOfReasons.class)).isEqualTo(s);
  }

  @ParameterizedTest
  @ValueSource(strings = {StatementOfReasons.ILLEGAL_CONTENT, StatementOfReasons.INCOMPATIBLE_CONTENT})
  void aFullStatementIsValidForEachDecisionGround(String ground) {
    StatementOfReasons s = ground.equals(StatementOfReasons.ILLEGAL_CONTENT)
        ? SampleStatements.illegal("dec-2025-000001") : SampleStatements.incompatible("dec-2025-000002");
    assertThat(s.decisionGround()).isEqualTo(ground);
    assertThat(validator.validate(s)).isEmpty();
  }

  @Test
  void aMinimalStatementIsValid() {
    ObjectNode s = JsonNodeFactory.instance.objectNode();
    s.put("decision_ground", StatementOfReasons.INCOMPATIBLE_CONTENT);
    s.put("incompatible_content_ground", "Terms, section 2");
    s.put("incompatible_content_explanation", "Off-topic advertising.");
    s.putArray("content_type").add("CONTENT_TYPE_TEXT");
    s.put("category", "STATEMENT_CATEGORY_OTHER_VIOLATION_TC");
    s.put("content_date", "2000-01-01");
    s.put("application_date", "2020-01-01");
    s.put("decision_facts", "Removed.");
    s.put("source_type", "SOURCE_VOLUNTARY");
    s.put("automated_detection", "No");
    s.put("automated_decision", "AUTOMATED_DECISION_NOT_AUTOMATED");
    s.put("puid", "x");
    s.put("decision_provision", "DECISION_PROVISION_TOTAL_TERMINATION");
    assertThat(validator.validate(s)).isEmpty();
  }

  // ---- always required ----------------------------------------------------------------------------------------

  static Stream<String> alwaysRequired() {
    return SorSchema.ALWAYS_REQUIRED.stream();
  }

  @ParameterizedTest
  @MethodSource("alwaysRequired")
  void eachAlwaysRequiredFieldMustBePresent(String field) {
    ObjectNode s = json(SampleStatements.illegal("p-1"));
    s.remove(field);
    assertThat(validator.validate(s)).contains(new FieldViolation(field,
        field.equals("content_type") ? "is required (at least one content type)" : "is required"));
  }

  @ParameterizedTest
  @MethodSource("alwaysRequired")
  void aBlankOrNullRequiredFieldIsMissing(String field) {
    ObjectNode blank = json(SampleStatements.illegal("p-1"));
    ObjectNode nulled = blank.deepCopy();
    if (field.equals("content_type")) {
      blank.putArray(field);
    } else {
      blank.put(field, "   ");
    }
    nulled.putNull(field);
    assertThat(validator.validate(blank)).extracting(FieldViolation::field).contains(field);
    assertThat(validator.validate(nulled)).extracting(FieldViolation::field).contains(field);
  }

  // ---- R1 at least one restriction ----------------------------------------------------------------------------

  @Test
  void r1NeedsAtLeastOneRestriction() {
    ObjectNode s = json(SampleStatements.illegal("p-1"));
    s.remove("decision_visibility");
    assertThat(validator.validate(s)).singleElement()
        .satisfies(v -> assertThat(v.field()).isEqualTo("decision_visibility"))
        .satisfies(v -> assertThat(v.message()).contains("at least one of", "(R1)"));
    s.putArray("decision_visibility");
    assertThat(validator.validate(s)).extracting(FieldViolation::message).anyMatch(m -> m.contains("(R1)"));
  }

  @ParameterizedTest
  @CsvSource({"decision_monetary,DECISION_MONETARY_SUSPENSION", "decision_provision,DECISION_PROVISION_PARTIAL_SUSPENSION",
      "decision_account,DECISION_ACCOUNT_TERMINATED"})
  void r1AnyOneRestrictionIsEnough(String field, String key) {
    ObjectNode s = json(SampleStatements.illegal("p-1"));
    s.remove("decision_visibility");
    s.put(field, key);
    assertThat(validator.validate(s)).isEmpty();
  }

  // ---- R2–R4 "other" texts ------------------------------------------------------------------------------------

  @Test
  void r2VisibilityOtherIsRequiredWithOtherAndAbsentWithout() {
    ObjectNode s = json(SampleStatements.illegal("p-1"));
    s.putArray("decision_visibility").add("DECISION_VISIBILITY_OTHER");
    assertThat(validator.validate(s)).containsExactly(new FieldViolation("decision_visibility_other",
        "is required when decision_visibility contains DECISION_VISIBILITY_OTHER (R2)"));
    s.put("decision_visibility_other", "Hidden behind a warning screen");
    assertThat(validator.validate(s)).isEmpty();
    s.putArray("decision_visibility").add("DECISION_VISIBILITY_CONTENT_REMOVED");
    assertThat(validator.validate(s)).containsExactly(new FieldViolation("decision_visibility_other",
        "must be absent unless decision_visibility contains DECISION_VISIBILITY_OTHER; the database would drop it (R2)"));
  }

  @Test
  void r3MonetaryOtherIsRequiredWithOtherAndAbsentWithout() {
    ObjectNode s = json(SampleStatements.illegal("p-1"));
    s.put("decision_monetary", "DECISION_MONETARY_OTHER");
    assertThat(validator.validate(s)).containsExactly(new FieldViolation("decision_monetary_other",
        "is required when decision_monetary is DECISION_MONETARY_OTHER (R3)"));
    s.put("decision_monetary_other", "Payouts delayed by 30 days");
    assertThat(validator.validate(s)).isEmpty();
    s.put("decision_monetary", "DECISION_MONETARY_TERMINATION");
    assertThat(validator.validate(s)).extracting(FieldViolation::field, FieldViolation::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("decision_monetary_other",
            "must be absent unless decision_monetary is DECISION_MONETARY_OTHER; the database would drop it (R3)"));
  }

  @Test
  void r4ContentTypeOtherIsRequiredWithOtherAndAbsentWithout() {
    ObjectNode s = json(SampleStatements.incompatible("p-1"));
    s.remove("content_type_other");
    assertThat(validator.validate(s)).containsExactly(new FieldViolation("content_type_other",
        "is required when content_type contains CONTENT_TYPE_OTHER (R4)"));
    s.put("content_type_other", "Link preview");
    s.putArray("content_type").add("CONTENT_TYPE_IMAGE");
    assertThat(validator.validate(s)).extracting(FieldViolation::field).containsExactly("content_type_other");
    assertThat(validator.validate(s).get(0).message()).startsWith("must be absent unless").endsWith("(R4)");
  }

  // ---- R5, R6 decision grounds --------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"illegal_content_legal_ground", "illegal_content_explanation"})
  void r5IllegalContentNeedsItsTexts(String field) {
    ObjectNode s = json(SampleStatements.illegal("p-1"));
    s.remove(field);
    assertThat(validator.validate(s)).containsExactly(new FieldViolation(field,
        "is required when decision_ground is DECISION_GROUND_ILLEGAL_CONTENT (R5)"));
  }

  @ParameterizedTest
  @CsvSource({"incompatible_content_ground,Terms 4", "incompatible_content_explanation,Spam",
      "incompatible_content_illegal,Yes"})
  void r5IllegalContentMustNotCarryTheIncompatibleFields(String field, String value) {
    ObjectNode s = json(SampleStatements.illegal("p-1"));
    s.put(field, value);
    assertThat(validator.validate(s)).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo(field);
      assertThat(v.message()).isEqualTo("must be absent unless decision_ground is DECISION_GROUND_INCOMPATIBLE_CONTENT;"
          + " the database would drop it (R6)");
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"incompatible_content_ground", "incompatible_content_explanation"})
  void r6IncompatibleContentNeedsItsTexts(String field) {
    ObjectNode s = json(SampleStatements.incompatible("p-1"));
    s.remove(field);
    assertThat(validator.validate(s)).containsExactly(new FieldViolation(field,
        "is required when decision_ground is DECISION_GROUND_INCOMPATIBLE_CONTENT (R6)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"illegal_content_legal_ground", "illegal_content_explanation"})
  void r6IncompatibleContentMustNotCarryTheIllegalFields(String field) {
    ObjectNode s = json(SampleStatements.incompatible("p-1"));
    s.put(field, "Section 263 StGB");
    assertThat(validator.validate(s)).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo(field);
      assertThat(v.message()).startsWith("must be absent unless decision_ground is DECISION_GROUND_ILLEGAL_CONTENT");
    });
  }

  @Test
  void r6IncompatibleContentIllegalIsOptionalButOnlyYesOrNo() {
    ObjectNode s = json(SampleStatements.incompatible("p-1"));
    s.remove("incompatible_content_illegal");
    assertThat(validator.validate(s)).isEmpty();
    s.put("incompatible_content_illegal", "No");
    assertThat(validator.validate(s)).isEmpty();
    s.putNull("incompatible_content_illegal");
    assertThat(validator.validate(s)).extracting(FieldViolation::field).containsExactly("incompatible_content_illegal");
  }

  // ---- R7, R8 values the batch endpoint nulls -----------------------------------------------------------------

  @Test
  void r7SourceIdentityMustBeAbsentForOwnInitiative() {
    ObjectNode s = json(SampleStatements.incompatible("p-1"));
    s.put("source_identity", "Consumer association");
    assertThat(validator.validate(s)).containsExactly(new FieldViolation("source_identity",
        "must be absent when source_type is SOURCE_VOLUNTARY; the database would drop it (R7)"));
    s.put("source_type", "SOURCE_TRUSTED_FLAGGER");
    assertThat(validator.validate(s)).isEmpty();
  }

  @Test
  void r8KeywordOtherTextOnlyWithKeywordOther() {
    ObjectNode s = json(SampleStatements.incompatible("p-1"));
    s.putArray("category_specification").add("KEYWORD_INAUTHENTIC_LISTINGS");
    assertThat(validator.validate(s)).extracting(FieldViolation::field, FieldViolation::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("category_specification_other",
            "must be absent unless category_specification contains KEYWORD_OTHER; the database would drop it (R8)"));
    s.remove("category_specification_other");
    assertThat(validator.validate(s)).isEmpty();
    s.putArray("category_specification").add("KEYWORD_OTHER");
    assertThat(validator.validate(s)).as("the text stays optional with KEYWORD_OTHER").isEmpty();
  }

  // ---- R9 puid ------------------------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"has space", "dot.ted", "slash/ed", "new\nline", "umlaut-ä", "trailing ", "#1"})
  void r9PuidAllowsOnlyLettersDigitsDashAndUnderscore(String puid) {
    ObjectNode s = json(SampleStatements.illegal(puid));
    assertThat(validator.validate(s)).extracting(FieldViolation::field).containsExactly("puid");
    assertThat(validator.validate(s).get(0).message()).contains("^[a-zA-Z0-9-_]+$");
  }

  @Test
  void r9PuidsMustDifferWithinABatch() {
    List<FieldViolation> v = validator.validateBatch(List.of(SampleStatements.illegal("a"),
        SampleStatements.incompatible("b"), SampleStatements.illegal("a")));
    assertThat(v).containsExactly(new FieldViolation("statements[2].puid",
        "repeats the puid of statements[0]; puids must differ within a batch (R9)"));
  }

  @Test
  void aBatchHoldsOneToOneHundredStatements() {
    List<StatementOfReasons> hundred = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      hundred.add(SampleStatements.illegal("p-" + i));
    }
    assertThat(validator.validateBatch(hundred)).isEmpty();
    hundred.add(SampleStatements.illegal("p-100"));
    assertThat(validator.validateBatch(hundred)).extracting(FieldViolation::field).containsExactly("statements");
    assertThat(validator.validateBatch(List.of())).extracting(FieldViolation::field).containsExactly("statements");
  }

  @Test
  void batchViolationsNameTheStatement() {
    StatementOfReasons bad = SampleStatements.illegal("p-2").toBuilder().category("STATEMENT_CATEGORY_SPAM").build();
    assertThat(validator.validateBatch(List.of(SampleStatements.illegal("p-1"), bad)))
        .extracting(FieldViolation::field).containsExactly("statements[1].category");
  }

  // ---- R10 dates ----------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} = {1} valid: {2}")
  @CsvSource({
      "content_date, 1999-12-31, false", "content_date, 2000-01-01, true", "content_date, 2038-01-01, true",
      "content_date, 2038-01-02, false",
      "application_date, 2019-12-31, false", "application_date, 2020-01-01, true",
      "application_date, 2038-01-01, true", "application_date, 2038-01-02, false",
      "end_date_visibility_restriction, 1990-01-01, true", "end_date_visibility_restriction, 2038-01-01, true",
      "end_date_visibility_restriction, 2038-01-02, false",
      "end_date_monetary_restriction, 2038-01-01, true", "end_date_monetary_restriction, 2038-01-02, false",
      "end_date_service_restriction, 2038-01-01, true", "end_date_service_restriction, 2038-01-02, false",
      "end_date_account_restriction, 2038-01-01, true", "end_date_account_restriction, 2038-01-02, false"})
  void r10DateBoundsAreInclusive(String field, String date, boolean valid) {
    StatementOfReasons base = SampleStatements.illegal("p-1");
    ObjectNode s = json(base);
    s.put(field, date);
    List<FieldViolation> v = validator.validate(s);
    if (valid) {
      assertThat(v).isEmpty();
    } else {
      assertThat(v).extracting(FieldViolation::field).containsExactly(field);
      assertThat(v.get(0).message()).contains("2038-01-01").endsWith("(R10)");
    }
  }

  @Test
  void r10NoOrderBetweenDates() {
    StatementOfReasons s = SampleStatements.illegal("p-1").toBuilder()
        .contentDate(LocalDate.of(2030, 1, 1)).applicationDate(LocalDate.of(2025, 1, 1))
        .endDateVisibilityRestriction(LocalDate.of(2021, 1, 1)).build();
    assertThat(validator.validate(s)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-7-1", "01.07.2025", "2025-02-30", "2025-07-01T00:00:00", "2025-07-01 00:00:00",
      "20250701", "+2025-07-01"})
  void r10DatesAreExactlyYearMonthDay(String date) {
    ObjectNode s = json(SampleStatements.illegal("p-1"));
    s.put("content_date", date);
    assertThat(validator.validate(s)).containsExactly(new FieldViolation("content_date",
        "must be a date in the format YYYY-MM-DD (R10)"));
  }

  // ---- enums --------------------------------------------------------------------------------------------------

  static Stream<Arguments> enumFields() {
    return Stream.of(
        Arguments.of("decision_visibility", SorSchema.DECISION_VISIBILITY, true),
        Arguments.of("decision_monetary", SorSchema.DECISION_MONETARY, false),
        Arguments.of("decision_provision", SorSchema.DECISION_PROVISION, false),
        Arguments.of("decision_account", SorSchema.DECISION_ACCOUNT, false),
        Arguments.of("account_type", SorSchema.ACCOUNT_TYPES, false),
        Arguments.of("decision_ground", SorSchema.DECISION_GROUNDS, false),
        Arguments.of("category", SorSchema.CATEGORIES, false),
        Arguments.of("category_addition", SorSchema.CATEGORIES, true),
        Arguments.of("category_specification", SorSchema.KEYWORDS, true),
        Arguments.of("content_type", SorSchema.CONTENT_TYPES, true),
        Arguments.of("content_language", SorSchema.CONTENT_LANGUAGES, false),
        Arguments.of("territorial_scope", SorSchema.TERRITORIAL_SCOPES, true),
        Arguments.of("source_type", SorSchema.SOURCE_TYPES, false),
        Arguments.of("automated_detection", SorSchema.YES_NO, false),
        Arguments.of("automated_decision", SorSchema.AUTOMATED_DECISIONS, false),
        Arguments.of("incompatible_content_illegal", SorSchema.YES_NO, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enumFields")
  void everyKeyOfAnEnumIsAcceptedAndOthersAreNot(String field, Set<String> keys, boolean array) {
    for (String key : keys) {
      ObjectNode s = contextFor(field);
      set(s, field, key, array);
      assertThat(validator.validate(s)).as(field + " = " + key).extracting(FieldViolation::field)
          .allMatch(f -> !f.startsWith(field));
    }
    for (String bad : List.of("NOT_A_KEY", "null", keys.iterator().next().toLowerCase())) {
      ObjectNode s = contextFor(field);
      set(s, field, bad, array);
      assertThat(validator.validate(s)).as(field + " = " + bad).extracting(FieldViolation::field)
          .contains(array ? field + "[0]" : field);
    }
  }

  @Test
  void yesNoFieldsTakeTheLiteralsNotBooleansOrKeys() {
    for (String bad : List.of("yes", "YES", "true", "AUTOMATED_DETECTION_YES")) {
      ObjectNode s = json(SampleStatements.illegal("p-1"));
      s.put("automated_detection", bad);
      assertThat(validator.validate(s)).extracting(FieldViolation::message)
          .anyMatch(m -> m.contains("must be the literal Yes or No"));
    }
    ObjectNode s = json(SampleStatements.illegal("p-1"));
    s.put("automated_detection", true);
    assertThat(validator.validate(s)).containsExactly(new FieldViolation("automated_detection", "must be a string"));
  }

  @Test
  void theStringNullIsNotAKey() {
    ObjectNode s = json(SampleStatements.illegal("p-1"));
    s.put("decision_account", "null");
    assertThat(validator.validate(s)).containsExactly(new FieldViolation("decision_account",
        "must not be the string \"null\"; leave the field out instead"));
  }

  @Test
  void arraysMustBeArraysWithoutRepeatsAndTheMainCategoryIsNotRepeated() {
    ObjectNode s = json(SampleStatements.incompatible("p-1"));
    s.put("content_type", "CONTENT_TYPE_TEXT");
    assertThat(validator.validate(s)).extracting(FieldViolation::message).contains("must be an array");
    s = json(SampleStatements.incompatible("p-1"));
    s.putArray("territorial_scope").add("DE").add("DE");
    assertThat(validator.validate(s)).extracting(FieldViolation::field).containsExactly("territorial_scope[1]");
    s = json(SampleStatements.incompatible("p-1"));
    s.putArray("category_addition").add("STATEMENT_CATEGORY_SCAMS_AND_FRAUD");
    assertThat(validator.validate(s)).containsExactly(new FieldViolation("category_addition",
        "must not repeat the main category STATEMENT_CATEGORY_SCAMS_AND_FRAUD"));
    s.putNull("category_addition");
    assertThat(validator.validate(s)).extracting(FieldViolation::field).containsExactly("category_addition");
  }

  // ---- lengths ------------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} max {1}")
  @CsvSource({"decision_visibility_other, 500", "decision_monetary_other, 500", "decision_ground_reference_url, 500",
      "illegal_content_legal_ground, 500", "illegal_content_explanation, 2000", "incompatible_content_ground, 500",
      "incompatible_content_explanation, 2000", "category_specification_other, 500", "content_type_other, 500",
      "decision_facts, 5000", "source_identity, 500", "puid, 500"})
  void maxLengthsCountCharactersAfterTrimming(String field, int max) {
    assertThat(SorSchema.maxLength(field)).isEqualTo(max);
    ObjectNode s = contextFor(field);
    s.put(field, text(field, max));
    assertThat(validator.validate(s)).as("exactly %d", max).isEmpty();
    if (!field.equals("puid")) {
      s.put(field, "  " + text(field, max) + " \n");
      assertThat(validator.validate(s)).as("surrounding blanks are trimmed").isEmpty();
    }
    s.put(field, text(field, max + 1));
    assertThat(validator.validate(s)).containsExactly(new FieldViolation(field,
        "must be at most " + max + " characters after trimming (has " + (max + 1) + ")"));
  }

  @Test
  void lengthIsInCharactersNotBytesOrUtf16Units() {
    ObjectNode s = json(SampleStatements.illegal("p-1"));
    s.put("decision_facts", "\uD83D\uDE00".repeat(5000)); // 5000 emoji: 10000 UTF-16 units, 20000 bytes
    assertThat(validator.validate(s)).isEmpty();
  }

  @Test
  void referenceUrlMustBeAnHttpUrl() {
    ObjectNode s = json(SampleStatements.illegal("p-1"));
    s.put("decision_ground_reference_url", "not a url");
    assertThat(validator.validate(s)).containsExactly(new FieldViolation("decision_ground_reference_url",
        "must be an absolute http(s) URL"));
  }

  // ---- batch-endpoint differences (§5.3) ----------------------------------------------------------------------

  @Test
  void topLevelContentIdEanAndUnknownFieldsAreRefused() {
    ObjectNode s = json(SampleStatements.illegal("p-1"));
    s.put("content_id_ean", "4006381333931");
    s.put("content_language_other", "Klingon");
    assertThat(validator.validate(s)).extracting(FieldViolation::field)
        .containsExactly("content_id_ean", "content_language_other");
    assertThat(validator.validate(s).get(0).message()).contains("content_id.EAN-13");
  }

  @Test
  void contentIdHoldsOnlyAThirteenDigitEan() {
    ObjectNode s = json(SampleStatements.incompatible("p-1"));
    s.putObject("content_id").put("EAN-13", "400638133393");
    assertThat(validator.validate(s)).containsExactly(new FieldViolation("content_id.EAN-13",
        "must be a string of exactly 13 digits"));
    s.putObject("content_id").put("ISBN", "9783161484100");
    assertThat(validator.validate(s)).extracting(FieldViolation::field).containsExactly("content_id");
    s.put("content_id", "4006381333931");
    assertThat(validator.validate(s)).extracting(FieldViolation::field).containsExactly("content_id");
  }

  @Test
  void notAnObjectIsOneViolation() {
    assertThat(validator.validate(JsonNodeFactory.instance.arrayNode()))
        .containsExactly(new FieldViolation("statement", "must be a JSON object"));
  }

  // ---- personal data (our rule) -------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Reported by jane.doe@example.com | an e-mail address",
      "Call +49 30 1234567 for details | a phone number",
      "Call 030 12345678 for details | a phone number",
      "Contact 0043 664 123 4567 now | a phone number",
      "The post replied to @jane_doe and others | an @handle",
      "See https://social.example/users/jane/statuses/1 | a URL with a user path",
      "See https://social.example/@jane | a URL with a user path",
      "See https://forum.example/view.php?user=4711 | a URL with a user path",
      "See https://twitter.com/janedoe | a URL with a user path",
      "See www.instagram.com/jane.doe | a URL with a user path",
      "Posted from 192.168.10.20 | an IP address"})
  void freeTextMustNotHoldPersonalData(String text, String kind) {
    ObjectNode s = json(SampleStatements.illegal("p-1"));
    s.put("decision_facts", text);
    assertThat(validator.validate(s)).containsExactly(new FieldViolation("decision_facts",
        "must not contain personal data (found " + kind + ")"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Posted on 2025-07-01 at 14:30, removed on 01.07.2025 at 16:05:10.",
      "Article 17(3)(d) DSA; Section 130(1) StGB; 12 reports from 3 notifiers.",
      "Law: https://eur-lex.europa.eu/eli/reg/2022/2065/oj and https://twitter.com/en/tos",
      "Product 4006381333931 listed 1234 times at 19.99 EUR; version 2.3.1.",
      "A mail address was redacted: [e-mail removed]"})
  void ordinaryStatementTextIsNotPersonalData(String text) {
    ObjectNode s = json(SampleStatements.illegal("p-1"));
    s.put("decision_facts", text);
    assertThat(validator.validate(s)).isEmpty();
  }

  static Stream<String> freeTextFields() {
    return StatementValidator.FREE_TEXT_FIELDS.stream();
  }

  @ParameterizedTest
  @MethodSource("freeTextFields")
  void everyFreeTextFieldIsCheckedForPersonalData(String field) {
    ObjectNode s = contextFor(field);
    s.put(field, "Flagged by max.mustermann@example.org");
    assertThat(validator.validate(s)).containsExactly(new FieldViolation(field,
        "must not contain personal data (found an e-mail address)"));
  }

  @Test
  void messagesNeverQuoteTheText() {
    ObjectNode s = json(SampleStatements.illegal("p-1"));
    s.put("decision_facts", "secret-address@example.com " + "x".repeat(5000));
    s.put("category", "Jane Doe's category");
    assertThat(validator.validate(s)).extracting(FieldViolation::message)
        .noneMatch(m -> m.contains("secret-address") || m.contains("Jane"));
  }

  // ---- helpers ------------------------------------------------------------------------------------------------

  /** A valid statement in which {@code field} may be set (its trigger set, or removed when it is the trigger). */
  private static ObjectNode contextFor(String field) {
    ObjectNode s = json(SampleStatements.illegal("p-1"));
    switch (field) {
      case "decision_visibility_other" -> s.putArray("decision_visibility").add("DECISION_VISIBILITY_OTHER");
      case "decision_monetary_other" -> s.put("decision_monetary", "DECISION_MONETARY_OTHER");
      case "content_type_other", "category_specification_other", "incompatible_content_ground",
          "incompatible_content_explanation", "incompatible_content_illegal" -> {
        s = json(SampleStatements.incompatible("p-1"));
      }
      case "decision_ground" -> {
        s.remove(List.of("illegal_content_legal_ground", "illegal_content_explanation"));
      }
      default -> {
      }
    }
    if (field.equals("decision_visibility_other")) {
      s.put(field, "Shown only after a click");
    }
    if (field.equals("decision_monetary_other")) {
      s.put(field, "Payouts delayed");
    }
    if (field.equals("category_addition")) {
      s.put("category", "STATEMENT_CATEGORY_VIOLENCE");
    }
    return s;
  }

  private static void set(ObjectNode s, String field, String value, boolean array) {
    if (array) {
      s.putArray(field).add(value);
    } else {
      s.put(field, value);
    }
    if (field.equals("decision_ground")) {
      // the ground's own texts, so that only the ground's validity is tested
      if (value.equals(StatementOfReasons.ILLEGAL_CONTENT)) {
        s.put("illegal_content_legal_ground", "Law").put("illegal_content_explanation", "Why");
      } else if (value.equals(StatementOfReasons.INCOMPATIBLE_CONTENT)) {
        s.put("incompatible_content_ground", "Terms").put("incompatible_content_explanation", "Why");
      }
    }
    if (field.equals("decision_visibility") && value.equals("DECISION_VISIBILITY_OTHER")) {
      s.put("decision_visibility_other", "Other");
    }
    if (field.equals("decision_monetary") && value.equals("DECISION_MONETARY_OTHER")) {
      s.put("decision_monetary_other", "Other");
    }
    if (field.equals("content_type") && value.equals("CONTENT_TYPE_OTHER")) {
      s.put("content_type_other", "Other");
    } else if (field.equals("content_type")) {
      s.remove("content_type_other");
    }
    if (field.equals("category_specification") && !value.equals("KEYWORD_OTHER")) {
      s.remove("category_specification_other");
    }
    if (field.equals("category_addition") && value.equals(s.path("category").asText())) {
      s.put("category", "STATEMENT_CATEGORY_ANIMAL_WELFARE");
    }
    if (field.equals("category") && s.path("category_addition").isArray()) {
      s.remove("category_addition");
    }
    if (field.equals("source_type") && value.equals("SOURCE_VOLUNTARY")) {
      s.remove("source_identity");
    }
  }

  private static String text(String field, int length) {
    if (field.equals("decision_ground_reference_url")) {
      String prefix = "https://example.org/";
      return prefix + "a".repeat(length - prefix.length());
    }
    return "a".repeat(length);
  }

  @SuppressWarnings("unused")
  private static JsonNode array(String... values) {
    var a = JsonNodeFactory.instance.arrayNode();
    Arrays.stream(values).forEach(a::add);
    return a;
  }
}
