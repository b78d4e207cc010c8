package org.modsuite.report.dsa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The fake database's own reading of a statement, written apart from {@link StatementValidator} so that it checks
 * our producer rather than repeating it. Per-field rules (required, type, enum, max, pattern, date format and bounds)
 * come from the {@code fields} entries of {@code dsa-sor-schema.json}; the cross-field rules are coded here, once,
 * the way Laravel applies them: input trimmed and blank strings nulled, {@code exclude_*} fields removed before
 * validation, then {@code required_*} rules, then the per-field rules. Error texts imitate Laravel's.
 */
final class FakeStatementRules {

  enum Endpoint { SINGLE, BATCH }

  private static final JsonNode FIELDS = readSchema().path("fields");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter YMD = DateTimeFormatter.ofPattern("uuuu-MM-dd")
      .withResolverStyle(ResolverStyle.STRICT);

  private FakeStatementRules() {
  }

  /** Laravel's TrimStrings and ConvertEmptyStringsToNull, applied to the whole request. */
  static JsonNode preprocess(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      String s = node.textValue().strip();
      return s.isEmpty() ? NODES.nullNode() : TextNode.valueOf(s);
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      node.forEach(e -> out.add(preprocess(e)));
      return out;
    }
    if (node.isObject()) {
      ObjectNode out = NODES.objectNode();
      node.fields().forEachRemaining(e -> out.set(e.getKey(), preprocess(e.getValue())));
      return out;
    }
    return node;
  }

  /** The input minus the fields that Laravel's exclude rules (and the batch endpoint) drop before validating. */
  static ObjectNode withoutExcluded(JsonNode statement, Endpoint endpoint) {
    ObjectNode s = statement.deepCopy();
    String ground = text(s, "decision_ground");
    if (!contains(s, "decision_visibility", "DECISION_VISIBILITY_OTHER")) {
      s.remove("decision_visibility_other");
    }
    if (!"DECISION_MONETARY_OTHER".equals(text(s, "decision_monetary"))) {
      s.remove("decision_monetary_other");
    }
    if (!contains(s, "content_type", "CONTENT_TYPE_OTHER")) {
      s.remove("content_type_other");
    }
    if (!"DECISION_GROUND_ILLEGAL_CONTENT".equals(ground)) {
      s.remove(List.of("illegal_content_legal_ground", "illegal_content_explanation"));
    }
    if (!"DECISION_GROUND_INCOMPATIBLE_CONTENT".equals(ground)) {
      s.remove(List.of("incompatible_content_ground", "incompatible_content_explanation",
          "incompatible_content_illegal"));
    }
    if (endpoint == Endpoint.SINGLE && "SOURCE_VOLUNTARY".equals(text(s, "source_type"))) {
      s.remove("source_identity");
    }
    if (endpoint == Endpoint.BATCH) {
      s.remove("content_id_ean");
    }
    return s;
  }

  /** Field errors in Laravel's shape ({@code field -> [messages]}), empty when the statement passes. */
  static Map<String, List<String>> errors(ObjectNode s, Endpoint endpoint) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    crossFieldRules(s, errors);
    for (Iterator<Map.Entry<String, JsonNode>> it = FIELDS.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (endpoint == Endpoint.BATCH && f.getKey().equals("content_id_ean")) {
        continue;
      }
      fieldRules(f.getKey(), f.getValue(), s.get(f.getKey()), errors);
    }
    return errors;
  }

  // R1–R6: required_without_all and required_if. R7/R8 only drop values (see stored); R9 is the database's.
  private static void crossFieldRules(ObjectNode s, Map<String, List<String>> errors) {
    List<String> decisions = List.of("decision_visibility", "decision_monetary", "decision_provision",
        "decision_account");
    if (decisions.stream().noneMatch(d -> present(s.get(d)))) {
      for (String d : decisions) {
        List<String> others = decisions.stream().filter(o -> !o.equals(d)).map(FakeStatementRules::label).toList();
        add(errors, d, "The " + label(d) + " field is required when none of " + String.join(" / ", others)
            + " are present.");
      }
    }
    requiredIf(s, errors, contains(s, "decision_visibility", "DECISION_VISIBILITY_OTHER"), "decision_visibility_other",
        "decision visibility", "DECISION_VISIBILITY_OTHER");
    requiredIf(s, errors, "DECISION_MONETARY_OTHER".equals(text(s, "decision_monetary")), "decision_monetary_other",
        "decision monetary", "DECISION_MONETARY_OTHER");
    requiredIf(s, errors, contains(s, "content_type", "CONTENT_TYPE_OTHER"), "content_type_other", "content type",
        "CONTENT_TYPE_OTHER");
    boolean illegal = "DECISION_GROUND_ILLEGAL_CONTENT".equals(text(s, "decision_ground"));
    boolean incompatible = "DECISION_GROUND_INCOMPATIBLE_CONTENT".equals(text(s, "decision_ground"));
    for (String f : List.of("illegal_content_legal_ground", "illegal_content_explanation")) {
      requiredIf(s, errors, illegal, f, "decision ground", "DECISION_GROUND_ILLEGAL_CONTENT");
    }
    for (String f : List.of("incompatible_content_ground", "incompatible_content_explanation")) {
      requiredIf(s, errors, incompatible, f, "decision ground", "DECISION_GROUND_INCOMPATIBLE_CONTENT");
    }
  }

  private static void requiredIf(ObjectNode s, Map<String, List<String>> errors, boolean trigger, String field,
      String other, String value) {
    if (trigger && !present(s.get(field))) {
      add(errors, field, "The " + label(field) + " field is required when " + other + " is " + value + ".");
    }
  }

  private static void fieldRules(String name, JsonNode spec, JsonNode value, Map<String, List<String>> errors) {
    String type = spec.path("type").asText();
    boolean nullable = spec.path("nullable").asBoolean(true);
    if (value == null || value.isNull() || (type.startsWith("array") && value.isArray() && value.isEmpty())) {
      if (spec.path("required").asBoolean(false)) {
        add(errors, name, "The " + label(name) + " field is required.");
      } else if (value != null && value.isNull() && !nullable) {
        add(errors, name, type.startsWith("array") ? "The " + label(name) + " field must be an array."
            : "The selected " + label(name) + " is invalid.");
      }
      return;
    }
    Set<String> allowed = allowed(spec);
    if (type.startsWith("array")) {
      if (!value.isArray()) {
        add(errors, name, "The " + label(name) + " field must be an array.");
        return;
      }
      for (int i = 0; i < value.size(); i++) {
        JsonNode e = value.get(i);
        if (allowed != null && !(e.isTextual() && allowed.contains(e.textValue()))) {
          add(errors, name + "." + i, "The selected " + name + "." + i + " is invalid.");
        }
      }
      return;
    }
    if (type.equals("object")) {
      if (!value.isObject()) {
        add(errors, name, "The " + label(name) + " field must be an array.");
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("properties").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> p = it.next();
        JsonNode v = value.get(p.getKey());
        if (v != null && !v.isNull() && !(v.isTextual() && regex(p.getValue()).matcher(v.textValue()).matches())) {
          add(errors, name + "." + p.getKey(), "The " + name + "." + p.getKey() + " format is invalid.");
        }
      }
      return;
    }
    if (!value.isTextual()) {
      add(errors, name, "The " + label(name) + " field must be a string.");
      return;
    }
    String s = value.textValue();
    if (allowed != null && !allowed.contains(s)) {
      add(errors, name, "The selected " + label(name) + " is invalid.");
    }
    String format = spec.path("format").asText("");
    if (format.startsWith("date")) {
      dateRules(name, spec, s, errors);
    } else if (spec.path("max").isInt() && s.codePointCount(0, s.length()) > spec.path("max").intValue()) {
      add(errors, name, "The " + label(name) + " field must not be greater than " + spec.path("max").intValue()
          + " characters.");
    }
    if (format.startsWith("url") && !isUrl(s)) {
      add(errors, name, "The " + label(name) + " field must be a valid URL.");
    }
    if (spec.has("pattern") && !regex(spec).matcher(s).matches()) {
      add(errors, name, "The " + label(name) + " format is invalid.");
    }
  }

  private static void dateRules(String name, JsonNode spec, String s, Map<String, List<String>> errors) {
    LocalDate date;
    try {
      date = s.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(s, YMD) : null;
    } catch (DateTimeParseException e) {
      date = null;
    }
    if (date == null) {
      add(errors, name, "The " + label(name) + " does not match the format YYYY-MM-DD.");
      return;
    }
    if (spec.path("min").isTextual() && date.isBefore(LocalDate.parse(spec.path("min").textValue()))) {
      add(errors, name, "The " + label(name) + " field must be a date after or equal to "
          + spec.path("min").textValue() + ".");
    }
    if (spec.path("max").isTextual() && date.isAfter(LocalDate.parse(spec.path("max").textValue()))) {
      add(errors, name, "The " + label(name) + " field must be a date before or equal to "
          + spec.path("max").textValue() + ".");
    }
  }

  /** What the database stores (and echoes) for a statement that passed, before the server values are added. */
  static ObjectNode stored(ObjectNode s, Endpoint endpoint) {
    ObjectNode out = NODES.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = FIELDS.fields(); it.hasNext(); ) {
      String name = it.next().getKey();
      if (name.equals("content_id") || name.equals("content_id_ean")) {
        continue;
      }
      JsonNode v = s.get(name);
      boolean array = FIELDS.path(name).path("type").asText().startsWith("array");
      if (v != null && !v.isNull()) {
        out.set(name, v.deepCopy());
      } else if (endpoint == Endpoint.BATCH) {
        out.set(name, array ? NODES.arrayNode() : NODES.nullNode());
      } else if (name.startsWith("end_date_")) {
        out.putNull(name);
      }
    }
    String ean = text(s, "content_id_ean");
    if (ean == null && s.path("content_id").isObject()) {
      ean = text((ObjectNode) s.get("content_id"), "EAN-13");
    }
    if (ean != null || endpoint == Endpoint.BATCH) {
      out.put("content_id_ean", ean);
    }
    if (out.path("territorial_scope").isArray()) {
      out.set("territorial_scope", sorted(out.get("territorial_scope"), allowed(FIELDS.path("territorial_scope"))));
    }
    if (endpoint == Endpoint.BATCH) {
      if ("SOURCE_VOLUNTARY".equals(text(out, "source_type"))) {
        out.putNull("source_identity");
      }
      if (!contains(out, "category_specification", "KEYWORD_OTHER")) {
        out.putNull("category_specification_other");
      }
    } else {
      for (String f : List.of("content_type", "decision_visibility", "category_specification")) {
        if (out.path(f).isArray()) {
          out.set(f, sorted(out.get(f), null));
        }
      }
      if (out.path("category_addition").isArray()) {
        ArrayNode kept = NODES.arrayNode();
        out.get("category_addition").forEach(c -> {
          if (!c.asText().equals(text(out, "category"))) {
            kept.add(c);
          }
        });
        out.set("category_addition", kept);
      }
    }
    return out;
  }

  private static ArrayNode sorted(JsonNode array, Set<String> keepOnly) {
    TreeSet<String> values = new TreeSet<>();
    array.forEach(v -> {
      if (v.isTextual() && (keepOnly == null || keepOnly.contains(v.textValue()))) {
        values.add(v.textValue());
      }
    });
    ArrayNode out = NODES.arrayNode();
    values.forEach(out::add);
    return out;
  }

  /** The enum of a field, plus the literal "null" where the database's in-list starts with it (DSA-SPEC §4). */
  private static Set<String> allowed(JsonNode spec) {
    if (!spec.path("enum").isArray()) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    spec.path("enum").forEach(v -> out.add(v.asText()));
    if (spec.path("enum_note").asText("").contains("\"null\"")) {
      out.add("null");
    }
    return out;
  }

  // The file writes patterns as "<regex> (<comment>)".
  private static Pattern regex(JsonNode spec) {
    String p = spec.path("pattern").asText();
    int comment = p.indexOf(" (");
    return Pattern.compile(comment < 0 ? p : p.substring(0, comment));
  }

  private static boolean isUrl(String s) {
    try {
      java.net.URI uri = new java.net.URI(s);
      return uri.getScheme() != null && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  static String text(ObjectNode s, String field) {
    JsonNode v = s.get(field);
    return v != null && v.isTextual() ? v.textValue() : null;
  }

  private static boolean contains(ObjectNode s, String field, String value) {
    JsonNode v = s.get(field);
    if (v == null || !v.isArray()) {
      return false;
    }
    for (JsonNode e : v) {
      if (value.equals(e.asText(null))) {
        return true;
      }
    }
    return false;
  }

  private static boolean present(JsonNode v) {
    return v != null && !v.isNull() && !(v.isArray() && v.isEmpty());
  }

  private static String label(String field) {
    return field.replace('_', ' ');
  }

  private static void add(Map<String, List<String>> errors, String field, String message) {
    errors.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
  }

  private static JsonNode readSchema() {
    try (InputStream in = FakeStatementRules.class.getResourceAsStream("/dsa/dsa-sor-schema.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
