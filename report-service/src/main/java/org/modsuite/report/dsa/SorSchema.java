package org.modsuite.report.dsa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The value lists, lengths and date bounds of the Transparency Database statement of reasons, read once from
 * {@code /dsa/dsa-sor-schema.json} (a fact sheet of the Commission's repository, see the README) so that nobody types
 * the 69 keywords or 184 language codes again. Sets keep the file's order.
 */
public final class SorSchema {

  /** Class-path location of the fact sheet. */
  public static final String RESOURCE = "/dsa/dsa-sor-schema.json";

  private static final JsonNode ROOT = load();

  public static final List<String> ALWAYS_REQUIRED = strings(ROOT.path("always_required"));
  public static final Set<String> DECISION_VISIBILITY = enumOf("decision_visibility");
  public static final Set<String> DECISION_MONETARY = enumOf("decision_monetary");
  public static final Set<String> DECISION_PROVISION = enumOf("decision_provision");
  public static final Set<String> DECISION_ACCOUNT = enumOf("decision_account");
  public static final Set<String> ACCOUNT_TYPES = enumOf("account_type");
  public static final Set<String> DECISION_GROUNDS = enumOf("decision_ground");
  public static final Set<String> CATEGORIES = enumOf("category");
  public static final Set<String> KEYWORDS = enumOf("category_specification");
  public static final Set<String> CONTENT_TYPES = enumOf("content_type");
  public static final Set<String> SOURCE_TYPES = enumOf("source_type");
  public static final Set<String> AUTOMATED_DECISIONS = enumOf("automated_decision");
  /** The literal values of {@code automated_detection} and {@code incompatible_content_illegal}. */
  public static final Set<String> YES_NO = enumOf("automated_detection");
  public static final Set<String> TERRITORIAL_SCOPES = enumOf("territorial_scope");
  public static final Set<String> CONTENT_LANGUAGES = enumOf("content_language");

  private SorSchema() {
  }

  /** The allowed keys of an enumerated field (array fields: of its elements). */
  public static Set<String> enumOf(String field) {
    JsonNode values = field(field).path("enum");
    if (!values.isArray() || values.isEmpty()) {
      throw new IllegalStateException(RESOURCE + ": field " + field + " has no enum");
    }
    return Collections.unmodifiableSet(new LinkedHashSet<>(strings(values)));
  }

  /** Largest length in characters of a string field. */
  public static int maxLength(String field) {
    JsonNode max = field(field).path("max");
    if (!max.isInt()) {
      throw new IllegalStateException(RESOURCE + ": field " + field + " has no numeric max");
    }
    return max.intValue();
  }

  /** Earliest allowed value of a date field, or null when it has no lower bound. */
  public static LocalDate minDate(String field) {
    JsonNode min = field(field).path("min");
    return min.isTextual() ? LocalDate.parse(min.textValue()) : null;
  }

  /** Latest allowed value of a date field. */
  public static LocalDate maxDate(String field) {
    return LocalDate.parse(field(field).path("max").asText());
  }

  private static JsonNode field(String field) {
    JsonNode node = ROOT.path("fields").path(field);
    if (node.isMissingNode()) {
      throw new IllegalStateException(RESOURCE + ": no field " + field);
    }
    return node;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return List.copyOf(out);
  }

  private static JsonNode load() {
    try (InputStream in = SorSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
