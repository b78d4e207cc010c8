package org.modsuite.report.dsa;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a statement of reasons against the Transparency Database's rules for the batch endpoint (DSA-SPEC §3–§5),
 * before it is sent. Stricter than the database where the database would silently change what we send: a field that
 * it would drop or null (R2–R8 "dropped when not triggered", §5.3) is a violation ({@code must be absent unless …}),
 * and so are the literal string {@code "null"} as a key, duplicate array elements, the main category repeated in
 * {@code category_addition}, unknown fields and personal data in free text. Pure Java; thread-safe.
 */
public final class StatementValidator {

  public static final int MAX_BATCH = 100;

  private enum Kind { TEXT, KEY, KEYS, DATE, CONTENT_ID }

  /** The 35 batch-endpoint fields, in the order of DSA-SPEC §3.1. */
  private static final Map<String, Kind> FIELDS = new LinkedHashMap<>();
  private static final Map<String, Set<String>> ENUMS = new HashMap<>();

  static {
    field("decision_visibility", Kind.KEYS, SorSchema.DECISION_VISIBILITY);
    field("decision_visibility_other", Kind.TEXT, null);
    field("end_date_visibility_restriction", Kind.DATE, null);
    field("decision_monetary", Kind.KEY, SorSchema.DECISION_MONETARY);
    field("decision_monetary_other", Kind.TEXT, null);
    field("end_date_monetary_restriction", Kind.DATE, null);
    field("decision_provision", Kind.KEY, SorSchema.DECISION_PROVISION);
    field("end_date_service_restriction", Kind.DATE, null);
    field("decision_account", Kind.KEY, SorSchema.DECISION_ACCOUNT);
    field("end_date_account_restriction", Kind.DATE, null);
    field("account_type", Kind.KEY, SorSchema.ACCOUNT_TYPES);
    field("decision_ground", Kind.KEY, SorSchema.DECISION_GROUNDS);
    field("decision_ground_reference_url", Kind.TEXT, null);
    field("illegal_content_legal_ground", Kind.TEXT, null);
    field("illegal_content_explanation", Kind.TEXT, null);
    field("incompatible_content_ground", Kind.TEXT, null);
    field("incompatible_content_explanation", Kind.TEXT, null);
    field("incompatible_content_illegal", Kind.KEY, SorSchema.YES_NO);
    field("category", Kind.KEY, SorSchema.CATEGORIES);
    field("category_addition", Kind.KEYS, SorSchema.CATEGORIES);
    field("category_specification", Kind.KEYS, SorSchema.KEYWORDS);
    field("category_specification_other", Kind.TEXT, null);
    field("content_type", Kind.KEYS, SorSchema.CONTENT_TYPES);
    field("content_type_other", Kind.TEXT, null);
    field("content_language", Kind.KEY, SorSchema.CONTENT_LANGUAGES);
    field("content_date", Kind.DATE, null);
    field("content_id", Kind.CONTENT_ID, null);
    field("territorial_scope", Kind.KEYS, SorSchema.TERRITORIAL_SCOPES);
    field("application_date", Kind.DATE, null);
    field("decision_facts", Kind.TEXT, null);
    field("source_type", Kind.KEY, SorSchema.SOURCE_TYPES);
    field("source_identity", Kind.TEXT, null);
    field("automated_detection", Kind.KEY, SorSchema.YES_NO);
    field("automated_decision", Kind.KEY, SorSchema.AUTOMATED_DECISIONS);
    field("puid", Kind.TEXT, null);
  }

  /** Free-text fields that must not carry personal data (our rule, from Art. 24(5) DSA). */
  public static final List<String> FREE_TEXT_FIELDS = List.of("decision_facts", "illegal_content_legal_ground",
      "illegal_content_explanation", "incompatible_content_ground", "incompatible_content_explanation",
      "decision_visibility_other", "decision_monetary_other", "content_type_other", "category_specification_other",
      "source_identity");

  private static final Pattern PUID = Pattern.compile("^[a-zA-Z0-9_-]+$");
  private static final Pattern EAN_13 = Pattern.compile("^[0-9]{13}$");
  private static final Pattern PRINTABLE_KEY = Pattern.compile("^[A-Za-z0-9_]{1,80}$");
  private static final DateTimeFormatter YMD = DateTimeFormatter.ofPattern("uuuu-MM-dd")
      .withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern YMD_SHAPE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

  private static final String VISIBILITY_OTHER = "DECISION_VISIBILITY_OTHER";
  private static final String MONETARY_OTHER = "DECISION_MONETARY_OTHER";
  private static final String CONTENT_TYPE_OTHER = "CONTENT_TYPE_OTHER";
  private static final String KEYWORD_OTHER = "KEYWORD_OTHER";
  private static final String SOURCE_VOLUNTARY = "SOURCE_VOLUNTARY";

  private static void field(String name, Kind kind, Set<String> values) {
    FIELDS.put(name, kind);
    if (values != null) {
      ENUMS.put(name, values);
    }
  }

  /** The field names this validator knows: the 35 of the batch endpoint. */
  public static Set<String> fieldNames() {
    return FIELDS.keySet();
  }

  public List<FieldViolation> validate(StatementOfReasons statement) {
    return validate(SorJson.toJson(statement));
  }

  /** Validates one statement as JSON (what is sent, or what a test hand-writes). */
  public List<FieldViolation> validate(JsonNode statement) {
    List<FieldViolation> out = new ArrayList<>();
    if (statement == null || !statement.isObject()) {
      out.add(new FieldViolation("statement", "must be a JSON object"));
      return out;
    }
    Values v = new Values();
    unknownFields(statement, out);
    for (Map.Entry<String, Kind> f : FIELDS.entrySet()) {
      readField(f.getKey(), f.getValue(), statement.get(f.getKey()), v, out);
    }
    for (String required : SorSchema.ALWAYS_REQUIRED) {
      if (!v.present.contains(required) && out.stream().noneMatch(x -> x.field().equals(required))) {
        out.add(new FieldViolation(required, required.equals("content_type")
            ? "is required (at least one content type)" : "is required"));
      }
    }
    crossFieldRules(v, out);
    for (String free : FREE_TEXT_FIELDS) {
      Optional<String> kind = PersonalDataDetector.find(v.texts.get(free));
      kind.ifPresent(k -> out.add(new FieldViolation(free, "must not contain personal data (found " + k + ")")));
    }
    return out;
  }

  /** Validates a batch for {@code POST /api/v1/statements}: 1–100 items, each valid, PUIDs distinct (R9). */
  public List<FieldViolation> validateBatch(List<StatementOfReasons> statements) {
    List<FieldViolation> out = new ArrayList<>();
    if (statements == null || statements.isEmpty() || statements.size() > MAX_BATCH) {
      out.add(new FieldViolation("statements", "must hold 1 to " + MAX_BATCH + " statements"));
      return out;
    }
    Map<String, Integer> firstByPuid = new HashMap<>();
    for (int i = 0; i < statements.size(); i++) {
      String prefix = "statements[" + i + "].";
      for (FieldViolation f : validate(statements.get(i))) {
        out.add(new FieldViolation(prefix + f.field(), f.message()));
      }
      String puid = statements.get(i) == null ? null : statements.get(i).puid();
      if (puid != null) {
        Integer first = firstByPuid.putIfAbsent(puid.strip(), i);
        if (first != null) {
          out.add(new FieldViolation(prefix + "puid",
              "repeats the puid of statements[" + first + "]; puids must differ within a batch (R9)"));
        }
      }
    }
    return out;
  }

  private static void unknownFields(JsonNode statement, List<FieldViolation> out) {
    for (Iterator<String> names = statement.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.equals("content_id_ean")) {
        out.add(new FieldViolation(name, "must be absent: the batch endpoint ignores a top-level content_id_ean;"
            + " send content_id.EAN-13"));
      } else if (!FIELDS.containsKey(name)) {
        out.add(new FieldViolation(name, "is not a statement-of-reasons field; the database would ignore it"));
      }
    }
  }

  private static void readField(String field, Kind kind, JsonNode node, Values v, List<FieldViolation> out) {
    if (node == null || node.isNull()) {
      if (node != null && field.equals("category_addition")) {
        out.add(new FieldViolation(field, "must be an array when present (null is rejected); leave it out"));
      } else if (node != null && field.equals("incompatible_content_illegal")) {
        out.add(new FieldViolation(field, "must be Yes or No when present (null is rejected); leave it out"));
      }
      return;
    }
    switch (kind) {
      case TEXT -> readText(field, node, v, out);
      case KEY -> readKey(field, node, v, out);
      case KEYS -> readKeys(field, node, v, out);
      case DATE -> readDate(field, node, v, out);
      case CONTENT_ID -> readContentId(field, node, v, out);
    }
  }

  private static void readText(String field, JsonNode node, Values v, List<FieldViolation> out) {
    if (!node.isTextual()) {
      out.add(new FieldViolation(field, "must be a string"));
      return;
    }
    String raw = node.textValue();
    String s = raw.strip();
    if (s.isEmpty()) {
      return; // the database turns blank strings into null before validating
    }
    v.present.add(field);
    v.texts.put(field, s);
    int max = SorSchema.maxLength(field);
    int length = s.codePointCount(0, s.length());
    if (length > max) {
      out.add(new FieldViolation(field, "must be at most " + max + " characters after trimming (has " + length + ")"));
    }
    if (field.equals("puid") && !PUID.matcher(raw).matches()) {
      out.add(new FieldViolation(field, "must match ^[a-zA-Z0-9-_]+$ (letters, digits, '-' and '_' only;"
          + " no spaces) (R9)"));
    }
    if (field.equals("decision_ground_reference_url") && !isHttpUrl(s)) {
      out.add(new FieldViolation(field, "must be an absolute http(s) URL"));
    }
  }

  private static void readKey(String field, JsonNode node, Values v, List<FieldViolation> out) {
    if (!node.isTextual()) {
      out.add(new FieldViolation(field, "must be a string"));
      return;
    }
    String s = node.textValue().strip();
    if (s.isEmpty()) {
      return;
    }
    v.present.add(field);
    v.texts.put(field, s);
    if (!ENUMS.get(field).contains(s)) {
      out.add(new FieldViolation(field, notAKey(field, s)));
    }
  }

  private static void readKeys(String field, JsonNode node, Values v, List<FieldViolation> out) {
    if (!node.isArray()) {
      out.add(new FieldViolation(field, "must be an array"));
      return;
    }
    List<String> keys = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode e = node.get(i);
      String s = e.isTextual() ? e.textValue().strip() : null;
      if (s == null || !ENUMS.get(field).contains(s)) {
        out.add(new FieldViolation(field + "[" + i + "]", s == null ? "must be a string key" : notAKey(field, s)));
      } else if (!seen.add(s)) {
        out.add(new FieldViolation(field + "[" + i + "]", "repeats " + s + "; send each value once"));
      }
      if (s != null) {
        keys.add(s);
      }
    }
    v.lists.put(field, keys);
    if (!keys.isEmpty()) {
      v.present.add(field);
    }
  }

  private static void readDate(String field, JsonNode node, Values v, List<FieldViolation> out) {
    String s = node.isTextual() ? node.textValue().strip() : null;
    if (s != null && s.isEmpty()) {
      return;
    }
    LocalDate date = s != null && YMD_SHAPE.matcher(s).matches() ? parse(s) : null;
    if (date == null) {
      out.add(new FieldViolation(field, "must be a date in the format YYYY-MM-DD (R10)"));
      return;
    }
    v.present.add(field);
    LocalDate min = SorSchema.minDate(field);
    LocalDate max = SorSchema.maxDate(field);
    if ((min != null && date.isBefore(min)) || date.isAfter(max)) {
      out.add(new FieldViolation(field, min == null
          ? "must be on or before " + max + " (R10)"
          : "must be between " + min + " and " + max + ", both included (R10)"));
    }
  }

  private static void readContentId(String field, JsonNode node, Values v, List<FieldViolation> out) {
    if (!node.isObject()) {
      out.add(new FieldViolation(field, "must be an object {\"EAN-13\": \"<13 digits>\"}"));
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().equals("EAN-13")) {
        out.add(new FieldViolation(field, "only the key EAN-13 is recognised; other keys would be ignored"));
      } else if (!e.getValue().isNull()) {
        String ean = e.getValue().isTextual() ? e.getValue().textValue().strip() : "";
        if (!EAN_13.matcher(ean).matches()) {
          out.add(new FieldViolation(field + ".EAN-13", "must be a string of exactly 13 digits"));
        } else {
          v.present.add(field);
        }
      }
    }
  }

  private static void crossFieldRules(Values v, List<FieldViolation> out) {
    // R1: at least one restriction.
    if (!v.present.contains("decision_visibility") && !v.present.contains("decision_monetary")
        && !v.present.contains("decision_provision") && !v.present.contains("decision_account")) {
      out.add(new FieldViolation("decision_visibility", "at least one of decision_visibility (non-empty),"
          + " decision_monetary, decision_provision or decision_account is required (R1)"));
    }
    // R2–R4: "other" texts, required when their key is chosen, dropped otherwise.
    triggered(v, out, v.list("decision_visibility").contains(VISIBILITY_OTHER), "decision_visibility_other",
        "decision_visibility contains " + VISIBILITY_OTHER, "R2");
    triggered(v, out, MONETARY_OTHER.equals(v.texts.get("decision_monetary")), "decision_monetary_other",
        "decision_monetary is " + MONETARY_OTHER, "R3");
    triggered(v, out, v.list("content_type").contains(CONTENT_TYPE_OTHER), "content_type_other",
        "content_type contains " + CONTENT_TYPE_OTHER, "R4");
    // R5, R6: the texts of the decision ground; the other ground's fields are dropped.
    String ground = v.texts.get("decision_ground");
    boolean illegal = StatementOfReasons.ILLEGAL_CONTENT.equals(ground);
    boolean incompatible = StatementOfReasons.INCOMPATIBLE_CONTENT.equals(ground);
    String isIllegal = "decision_ground is " + StatementOfReasons.ILLEGAL_CONTENT;
    String isIncompatible = "decision_ground is " + StatementOfReasons.INCOMPATIBLE_CONTENT;
    triggered(v, out, illegal, "illegal_content_legal_ground", isIllegal, "R5");
    triggered(v, out, illegal, "illegal_content_explanation", isIllegal, "R5");
    triggered(v, out, incompatible, "incompatible_content_ground", isIncompatible, "R6");
    triggered(v, out, incompatible, "incompatible_content_explanation", isIncompatible, "R6");
    if (!incompatible && v.present.contains("incompatible_content_illegal")) {
      out.add(dropped("incompatible_content_illegal", isIncompatible, "R6"));
    }
    // R7: the batch endpoint nulls source_identity for own-initiative decisions.
    if (SOURCE_VOLUNTARY.equals(v.texts.get("source_type")) && v.present.contains("source_identity")) {
      out.add(new FieldViolation("source_identity", "must be absent when source_type is " + SOURCE_VOLUNTARY
          + "; the database would drop it (R7)"));
    }
    // R8: the batch endpoint nulls category_specification_other without KEYWORD_OTHER.
    if (v.present.contains("category_specification_other") && !v.list("category_specification").contains(KEYWORD_OTHER)) {
      out.add(dropped("category_specification_other", "category_specification contains " + KEYWORD_OTHER, "R8"));
    }
    // §5.3: a clean payload does not repeat the main category among the additional ones.
    String category = v.texts.get("category");
    if (category != null && v.list("category_addition").contains(category)) {
      out.add(new FieldViolation("category_addition", "must not repeat the main category " + category));
    }
  }

  private static void triggered(Values v, List<FieldViolation> out, boolean trigger, String field, String condition,
      String rule) {
    if (trigger && !v.present.contains(field) && out.stream().noneMatch(x -> x.field().equals(field))) {
      out.add(new FieldViolation(field, "is required when " + condition + " (" + rule + ")"));
    } else if (!trigger && v.present.contains(field)) {
      out.add(dropped(field, condition, rule));
    }
  }

  private static FieldViolation dropped(String field, String condition, String rule) {
    return new FieldViolation(field, "must be absent unless " + condition + "; the database would drop it ("
        + rule + ")");
  }

  private static String notAKey(String field, String value) {
    String shown = PRINTABLE_KEY.matcher(value).matches() ? value : "the value";
    if (value.equals("null")) {
      return "must not be the string \"null\"; leave the field out instead";
    }
    if (ENUMS.get(field) == SorSchema.YES_NO) {
      return shown + " is not allowed: must be the literal Yes or No";
    }
    if (field.equals("content_language")) {
      return shown + " is not one of the " + SorSchema.CONTENT_LANGUAGES.size()
          + " upper-case ISO 639-1 codes";
    }
    return shown + " is not one of the " + ENUMS.get(field).size() + " allowed " + field + " values";
  }

  private static LocalDate parse(String s) {
    try {
      return LocalDate.parse(s, YMD);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static boolean isHttpUrl(String s) {
    try {
      URI uri = new URI(s);
      return uri.getScheme() != null && (uri.getScheme().equalsIgnoreCase("http")
          || uri.getScheme().equalsIgnoreCase("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** What was read from one statement: non-blank fields, texts (stripped) and array elements. */
  private static final class Values {
    final Set<String> present = new HashSet<>();
    final Map<String, String> texts = new HashMap<>();
    final Map<String, List<String>> lists = new HashMap<>();

    List<String> list(String field) {
      return lists.getOrDefault(field, List.of());
    }
  }
}
