package org.modsuite.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hostile input for every operation of a service's OpenAPI document, as {@link RoleMatrix} drives access: with a token
 * of an allowed role, each operation gets NUL in each path and query parameter and string field, the wrong JSON type
 * for each field of its schema, deep nesting, huge strings, unparseable JSON, a missing or wrong Content-Type and an
 * empty body. A client error must never be a 5xx, and every 4xx must be a problem document
 * ({@code application/problem+json}) whose 400s name a field; only a dashboard page (an operation that answers
 * {@code text/html}) may answer a browser's form with the page and its error instead.
 */
public final class ApiFuzzer {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String JSON_TYPE = "application/json";
  /** Long enough to pass no sane field limit, short enough for the default request-line limit when in a URL. */
  private static final int HUGE_IN_URL = 3_000;
  private static final int HUGE_IN_BODY = 200_000;
  private static final int NESTING = 5_000;
  /** Stands for the JSON escape {@code \ud800}, which Jackson would not write for a lone surrogate. */
  private static final String LONE_SURROGATE = "a-lone-surrogate-here";

  private final String baseUrl;
  private final Map<String, Set<String>> decisions;
  private final Function<String, String> tokenOfRole;
  private JsonNode components = NODES.objectNode();

  /** What the fuzzing found: the number of requests sent and each request that broke the rules, with why. */
  public record Report(int requests, List<String> serverErrors, List<String> fieldlessBadRequests, List<String> notProblems) {
    // notProblems also holds bodies accepted without a Content-Type or with a wrong one: they must be a 415.

    public List<String> violations() {
      List<String> all = new ArrayList<>(serverErrors);
      all.addAll(fieldlessBadRequests);
      all.addAll(notProblems);
      return all;
    }

    public String summary() {
      return requests + " requests fuzzed: " + serverErrors.size() + " 5xx, " + fieldlessBadRequests.size()
          + " 400s naming no field, " + notProblems.size()
          + " 4xx that are not problem documents (or bodies accepted without the right Content-Type)";
    }
  }

  /**
   * @param decisions the role matrix's decisions: per operation the roles allowed, or {@link RoleMatrix#ANONYMOUS}
   * @param tokenOfRole a valid token for a role
   */
  public ApiFuzzer(String baseUrl, Map<String, Set<String>> decisions, Function<String, String> tokenOfRole) {
    this.baseUrl = baseUrl;
    this.decisions = decisions;
    this.tokenOfRole = tokenOfRole;
  }

  public Report run() throws IOException, InterruptedException {
    HttpResponse<String> doc = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json")).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode openapi = JSON.readTree(doc.body());
    components = openapi.path("components").path("schemas");
    List<String> serverErrors = new ArrayList<>();
    List<String> fieldless = new ArrayList<>();
    List<String> notProblems = new ArrayList<>();
    int requests = 0;
    for (Map.Entry<String, JsonNode> op : operations(openapi).entrySet()) {
      Set<String> allowed = decisions.get(op.getKey());
      if (allowed == null) {
        continue;
      }
      String token = allowed.contains(RoleMatrix.ANONYMOUS) ? null
          : tokenOfRole.apply(allowed.contains("admin") ? "admin" : allowed.iterator().next());
      boolean page = op.getValue().path("responses").toString().contains("\"text/html");
      for (Variant variant : variants(op.getKey(), op.getValue())) {
        requests++;
        HttpResponse<String> response = send(variant, token);
        String what = variant.method + " " + variant.path.replaceAll("[^/?&=]{60,}", "<huge>") + " (" + variant.description + ")";
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
          serverErrors.add(what + ": " + status);
        } else if (status < 400 && variant.description.endsWith("Content-Type")) {
          notProblems.add(what + ": " + status + ", expected 415");
        } else if (page && type.startsWith("text/html")) {
          continue; // the page with its error, for a browser
        } else if (status >= 400 && !type.startsWith("application/problem+json")) {
          notProblems.add(what + ": " + status + " as '" + type + "'");
        } else if (status == 400 && !namesAField(response.body())) {
          fieldless.add(what + ": 400 naming no field: " + abbreviate(response.body()));
        }
      }
    }
    return new Report(requests, serverErrors, fieldless, notProblems);
  }

  private static boolean namesAField(String body) {
    try {
      JsonNode errors = JSON.readTree(body).path("errors");
      if (!errors.isArray() || errors.isEmpty()) {
        return false;
      }
      for (JsonNode error : errors) {
        if (error.path("field").asText("").isBlank()) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String abbreviate(String body) {
    return body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }

  private record Variant(String method, String path, String contentType, String body, String description) {
  }

  private HttpResponse<String> send(Variant variant, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + variant.path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (variant.contentType != null) {
      request.header("Content-Type", variant.contentType);
    }
    request.method(variant.method, variant.body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(variant.body, StandardCharsets.UTF_8));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The hostile requests for one operation. */
  private List<Variant> variants(String operation, JsonNode spec) {
    String method = operation.substring(0, operation.indexOf(' '));
    String template = operation.substring(operation.indexOf(' ') + 1);
    Map<String, JsonNode> pathParams = new LinkedHashMap<>();
    Map<String, JsonNode> queryParams = new LinkedHashMap<>();
    for (JsonNode param : spec.path("parameters")) {
      String in = param.path("in").asText();
      JsonNode schema = resolve(param.path("schema"));
      if ("path".equals(in)) {
        pathParams.put(param.path("name").asText(), schema);
      } else if ("query".equals(in)) {
        queryParams.put(param.path("name").asText(), schema);
      }
    }
    JsonNode content = spec.path("requestBody").path("content");
    String bodyType = content.has(JSON_TYPE) ? JSON_TYPE : content.has(FORM) ? FORM
        : content.fieldNames().hasNext() ? content.fieldNames().next() : null;
    JsonNode bodySchema = bodyType == null ? null : resolve(content.path(bodyType).path("schema"));
    String validBody = bodySchema == null ? null : render(bodyType, sample(bodySchema, 0));

    List<Variant> variants = new ArrayList<>();
    String fine = fill(template, pathParams, Map.of());
    // NUL, a huge value and a wrong type in each path and query parameter.
    for (String name : pathParams.keySet()) {
      for (Map.Entry<String, String> bad : badParameterValues(pathParams.get(name)).entrySet()) {
        variants.add(new Variant(method, fill(template, pathParams, Map.of(name, bad.getValue())), bodyType, validBody,
            bad.getKey() + " in path parameter " + name));
      }
    }
    for (String name : queryParams.keySet()) {
      for (Map.Entry<String, String> bad : badParameterValues(queryParams.get(name)).entrySet()) {
        variants.add(new Variant(method, fine + "?" + name + "=" + bad.getValue(), bodyType, validBody,
            bad.getKey() + " in query parameter " + name));
      }
    }
    if (bodyType == null) {
      if (Set.of("POST", "PUT", "PATCH").contains(method)) {
        variants.add(new Variant(method, fine, JSON_TYPE, "{", "unparseable JSON on an operation without a body"));
      }
      return variants;
    }
    // The body as a whole.
    variants.add(new Variant(method, fine, bodyType, "", "empty body"));
    variants.add(new Variant(method, fine, null, validBody, "no Content-Type"));
    variants.add(new Variant(method, fine, "text/plain", validBody, "wrong Content-Type"));
    if (FORM.equals(bodyType)) {
      ObjectNode form = (ObjectNode) sample(bodySchema, 0);
      for (Iterator<String> names = form.fieldNames(); names.hasNext();) {
        String name = names.next();
        ObjectNode nul = form.deepCopy();
        nul.put(name, "a\u0000b");
        variants.add(new Variant(method, fine, FORM, render(FORM, nul), "NUL in form field " + name));
        ObjectNode huge = form.deepCopy();
        huge.put(name, "x".repeat(HUGE_IN_BODY));
        variants.add(new Variant(method, fine, FORM, render(FORM, huge), "huge form field " + name));
      }
      return variants;
    }
    if (!JSON_TYPE.equals(bodyType)) {
      return variants;
    }
    variants.add(new Variant(method, fine, JSON_TYPE, "{\"a\":", "unparseable JSON"));
    variants.add(new Variant(method, fine, JSON_TYPE, "[".repeat(NESTING) + "]".repeat(NESTING), "deeply nested arrays"));
    variants.add(new Variant(method, fine, JSON_TYPE, "{\"a\":".repeat(NESTING) + "1" + "}".repeat(NESTING), "deeply nested objects"));
    variants.add(new Variant(method, fine, JSON_TYPE, "null", "null body"));
    variants.add(new Variant(method, fine, JSON_TYPE, "\"x\"", "a string as the body"));
    JsonNode valid = sample(bodySchema, 0);
    for (Map.Entry<String, JsonNode> bad : badBodies(valid, bodySchema, "").entrySet()) {
      variants.add(new Variant(method, fine, JSON_TYPE, bad.getValue().toString().replace(LONE_SURROGATE, "a\\ud800b"), bad.getKey()));
    }
    return variants;
  }

  private static Map<String, String> badParameterValues(JsonNode schema) {
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("NUL", "%00");
    bad.put("NUL inside", "a%00b");
    bad.put("a huge value", "x".repeat(HUGE_IN_URL));
    String type = type(schema);
    if (Set.of("integer", "number", "boolean").contains(type) || "uuid".equals(schema.path("format").asText())
        || "date-time".equals(schema.path("format").asText()) || schema.has("enum")) {
      bad.put("a wrong type", "not-a-" + type);
    }
    return bad;
  }

  private String fill(String template, Map<String, JsonNode> pathParams, Map<String, String> overrides) {
    String path = template;
    for (Map.Entry<String, JsonNode> param : pathParams.entrySet()) {
      String value = overrides.containsKey(param.getKey()) ? overrides.get(param.getKey())
          : URLEncoder.encode(sample(param.getValue(), 0).asText(), StandardCharsets.UTF_8);
      path = path.replace("{" + param.getKey() + "}", value);
    }
    return path;
  }

  /** Per field of a valid body, the body with that field made hostile. */
  private Map<String, JsonNode> badBodies(JsonNode valid, JsonNode schema, String at) {
    Map<String, JsonNode> bad = new LinkedHashMap<>();
    if (!valid.isObject()) {
      return bad;
    }
    JsonNode properties = properties(schema);
    for (Iterator<String> names = valid.fieldNames(); names.hasNext();) {
      String name = names.next();
      JsonNode fieldSchema = resolve(properties.path(name));
      String field = at + name;
      for (Map.Entry<String, JsonNode> value : badValues(valid.get(name), fieldSchema).entrySet()) {
        ObjectNode copy = valid.deepCopy();
        copy.set(name, value.getValue());
        bad.put(value.getKey() + " in " + field, copy);
      }
      JsonNode element = valid.get(name);
      JsonNode elementSchema = fieldSchema;
      if (element.isArray() && !element.isEmpty()) {
        element = element.get(0);
        elementSchema = resolve(fieldSchema.path("items"));
      }
      if (element.isObject() && at.length() < 40) {
        for (Map.Entry<String, JsonNode> inner : badBodies(element, elementSchema, field + ".").entrySet()) {
          ObjectNode copy = valid.deepCopy();
          if (valid.get(name).isArray()) {
            ArrayNode array = NODES.arrayNode().add(inner.getValue());
            copy.set(name, array);
          } else {
            copy.set(name, inner.getValue());
          }
          bad.put(inner.getKey(), copy);
        }
      }
    }
    return bad;
  }

  private static Map<String, JsonNode> badValues(JsonNode valid, JsonNode schema) {
    Map<String, JsonNode> bad = new LinkedHashMap<>();
    if (valid.isTextual()) {
      bad.put("NUL", NODES.textNode("a\u0000b"));
      bad.put("a lone surrogate", NODES.textNode(LONE_SURROGATE));
      bad.put("a huge string", NODES.textNode("x".repeat(HUGE_IN_BODY)));
      bad.put("a number for a string", NODES.numberNode(12345));
      bad.put("a boolean for a string", NODES.booleanNode(true));
    } else if (valid.isNumber()) {
      bad.put("a string for a number", NODES.textNode("many"));
      bad.put("a boolean for a number", NODES.booleanNode(true));
    } else if (valid.isBoolean()) {
      bad.put("a string for a boolean", NODES.textNode("maybe"));
      bad.put("a number for a boolean", NODES.numberNode(1));
    } else if (valid.isArray()) {
      bad.put("a string for an array", NODES.textNode("x"));
      bad.put("an object for an array", NODES.objectNode());
      bad.put("an array of arrays", NODES.arrayNode().add(NODES.arrayNode().add(1)));
    } else if (valid.isObject()) {
      bad.put("a string for an object", NODES.textNode("x"));
    }
    if (!valid.isArray()) {
      bad.put("an array", NODES.arrayNode().add(1));
    }
    if (!valid.isObject()) {
      bad.put("an object", NODES.objectNode().put("a", 1));
    }
    return bad;
  }

  /** A plausible value for a schema: the first enum value, a UUID for a uuid, one element for an array. */
  private JsonNode sample(JsonNode schema, int depth) {
    schema = resolve(schema);
    if (schema.has("enum") && !schema.path("enum").isEmpty()) {
      return schema.path("enum").get(0);
    }
    if (schema.has("example")) {
      return schema.get("example");
    }
    String type = type(schema);
    String format = schema.path("format").asText();
    switch (type) {
      case "integer", "number":
        return NODES.numberNode(Math.max(1, schema.path("minimum").asInt(1)));
      case "boolean":
        return NODES.booleanNode(false);
      case "array":
        return depth > 6 ? NODES.arrayNode() : NODES.arrayNode().add(sample(schema.path("items"), depth + 1));
      case "object": {
        ObjectNode object = NODES.objectNode();
        if (depth > 6) {
          return object;
        }
        for (Iterator<Map.Entry<String, JsonNode>> p = properties(schema).fields(); p.hasNext();) {
          Map.Entry<String, JsonNode> property = p.next();
          object.set(property.getKey(), sample(property.getValue(), depth + 1));
        }
        return object;
      }
      default:
        return NODES.textNode(switch (format) {
          case "uuid" -> UUID.randomUUID().toString();
          case "date-time" -> "2026-01-01T00:00:00Z";
          case "date" -> "2026-01-01";
          case "uri", "url" -> "https://example.org/fuzz";
          case "email" -> "fuzz@example.org";
          default -> "fuzz" + UUID.randomUUID().toString().substring(0, 8);
        });
    }
  }

  private static String render(String contentType, JsonNode body) {
    if (!FORM.equals(contentType)) {
      return body.toString();
    }
    List<String> pairs = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> f = body.fields(); f.hasNext();) {
      Map.Entry<String, JsonNode> field = f.next();
      pairs.add(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(field.getValue().asText(), StandardCharsets.UTF_8));
    }
    return String.join("&", pairs);
  }

  private static String type(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (!"null".equals(t.asText())) {
          return t.asText();
        }
      }
    }
    if (type.isTextual()) {
      return type.asText();
    }
    return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
  }

  private JsonNode properties(JsonNode schema) {
    JsonNode resolved = resolve(schema);
    ObjectNode all = NODES.objectNode();
    if (resolved.path("properties").isObject()) {
      all.setAll((ObjectNode) resolved.path("properties"));
    }
    for (JsonNode part : resolved.path("allOf")) {
      JsonNode inner = properties(part);
      if (inner.isObject()) {
        all.setAll((ObjectNode) inner);
      }
    }
    return all;
  }

  /** Follows {@code $ref} and a single-branch {@code allOf}/{@code anyOf}/{@code oneOf} to the schema itself. */
  private JsonNode resolve(JsonNode schema) {
    for (int hops = 0; hops < 10; hops++) {
      if (schema.has("$ref")) {
        String ref = schema.path("$ref").asText();
        schema = components.path(ref.substring(ref.lastIndexOf('/') + 1));
        continue;
      }
      JsonNode branch = schema.has("anyOf") ? schema.path("anyOf") : schema.has("oneOf") ? schema.path("oneOf")
          : schema.has("allOf") && !schema.has("properties") && schema.path("allOf").size() == 1 ? schema.path("allOf") : null;
      if (branch == null) {
        return schema;
      }
      JsonNode chosen = null;
      for (JsonNode candidate : branch) {
        if (!"null".equals(candidate.path("type").asText())) {
          chosen = candidate;
          break;
        }
      }
      if (chosen == null) {
        return schema;
      }
      schema = chosen;
    }
    return schema;
  }

  /** "METHOD /path" → operation object. */
  private static Map<String, JsonNode> operations(JsonNode openapi) {
    Map<String, JsonNode> operations = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> p = openapi.path("paths").fields(); p.hasNext();) {
      Map.Entry<String, JsonNode> path = p.next();
      for (Iterator<Map.Entry<String, JsonNode>> m = path.getValue().fields(); m.hasNext();) {
        Map.Entry<String, JsonNode> method = m.next();
        if (Set.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
          JsonNode op = method.getValue();
          // Parameters may be declared on the path item for all its operations.
          if (path.getValue().has("parameters") && op.isObject()) {
            ArrayNode merged = NODES.arrayNode().addAll((ArrayNode) path.getValue().path("parameters"));
            if (op.path("parameters").isArray()) {
              merged.addAll((ArrayNode) op.path("parameters"));
            }
            op = ((ObjectNode) op.deepCopy()).set("parameters", merged);
          }
          operations.put(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op);
        }
      }
    }
    return operations;
  }
}
