package org.modsuite.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The role matrix of a service, driven by its own OpenAPI document: every operation must have a declared decision
 * (so a new endpoint cannot ship without one), and every operation is called with every role's token and with the
 * bad tokens (none, expired, foreign key, tampered role). Allowed roles must get past security (any status but 401
 * and 403: the empty request may well be a 400), other roles 403, bad tokens 401.
 */
public final class RoleMatrix {

  /** Marks an operation anyone may call without a token. */
  public static final String ANONYMOUS = "anonymous";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String baseUrl;
  private final Map<String, Set<String>> decisions;
  private final List<String> roles;

  /**
   * @param decisions per operation ({@code "POST /api/v1/posts"}) the roles allowed, or {@link #ANONYMOUS}
   */
  public RoleMatrix(String baseUrl, Map<String, Set<String>> decisions, List<String> roles) {
    this.baseUrl = baseUrl;
    this.decisions = decisions;
    this.roles = roles;
  }

  /** Every violation found, empty when the service behaves as declared. */
  public List<String> violations(Function<String, String> tokenOfRole, Map<String, String> badTokens) throws IOException, InterruptedException {
    List<String> violations = new ArrayList<>();
    Map<String, JsonNode> operations = operations();
    Set<String> undecided = new TreeSet<>(operations.keySet());
    undecided.removeAll(decisions.keySet());
    undecided.forEach(op -> violations.add(op + ": no access decision declared for this operation"));
    Set<String> stale = new TreeSet<>(decisions.keySet());
    stale.removeAll(operations.keySet());
    stale.forEach(op -> violations.add(op + ": declared but not in the OpenAPI document"));

    for (Map.Entry<String, JsonNode> entry : operations.entrySet()) {
      Set<String> allowed = decisions.get(entry.getKey());
      if (allowed == null) {
        continue;
      }
      if (allowed.contains(ANONYMOUS)) {
        expect(violations, entry, null, "no token", status -> status != 401 && status != 403, "not 401/403");
        continue;
      }
      for (String role : roles) {
        boolean may = allowed.contains(role);
        expect(violations, entry, tokenOfRole.apply(role), "role " + role, status -> may ? status != 401 && status != 403 : status == 403,
            may ? "not 401/403" : "403");
      }
      expect(violations, entry, null, "no token", status -> status == 401, "401");
      for (Map.Entry<String, String> bad : badTokens.entrySet()) {
        expect(violations, entry, bad.getValue(), bad.getKey(), status -> status == 401, "401");
      }
    }
    return violations;
  }

  private void expect(List<String> violations, Map.Entry<String, JsonNode> op, String token, String who,
      java.util.function.IntPredicate ok, String wanted) throws IOException, InterruptedException {
    int status = call(op.getKey(), op.getValue(), token);
    if (!ok.test(status)) {
      violations.add(op.getKey() + " with " + who + ": got " + status + ", expected " + wanted);
    }
  }

  private int call(String operation, JsonNode spec, String token) throws IOException, InterruptedException {
    String method = operation.substring(0, operation.indexOf(' '));
    String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    JsonNode content = spec.path("requestBody").path("content");
    if (content.has("application/x-www-form-urlencoded")) {
      request.header("Content-Type", "application/x-www-form-urlencoded").method(method, HttpRequest.BodyPublishers.ofString(""));
    } else if (!content.isMissingNode() || Set.of("POST", "PUT", "PATCH").contains(method)) {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** "METHOD /path" → operation object, from /q/openapi. */
  private Map<String, JsonNode> operations() throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json")).build(),
        HttpResponse.BodyHandlers.ofString());
    Map<String, JsonNode> operations = new java.util.TreeMap<>();
    JsonNode paths = JSON.readTree(response.body()).path("paths");
    for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext();) {
      Map.Entry<String, JsonNode> path = p.next();
      for (Iterator<Map.Entry<String, JsonNode>> m = path.getValue().fields(); m.hasNext();) {
        Map.Entry<String, JsonNode> method = m.next();
        if (Set.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
          operations.put(method.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), method.getValue());
        }
      }
    }
    return operations;
  }
}
