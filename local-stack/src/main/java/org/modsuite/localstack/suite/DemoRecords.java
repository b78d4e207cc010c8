package org.modsuite.localstack.suite;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * After the demo posts became cases, plays the other users through report-service's API so that a first look finds a
 * full DSA record chain: a trusted flagger and its notices, public notices, a moderator's decisions (restrictions on
 * legal and contractual grounds, and no action), statements of reasons, and a complaint decided by another person.
 */
final class DemoRecords {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HATE = "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String reportUrl;
  private final String adminToken;

  DemoRecords(String reportUrl, String adminToken) {
    this.reportUrl = reportUrl;
    this.adminToken = adminToken;
  }

  /** Returns a one-line summary of what was recorded. */
  String record() throws IOException, InterruptedException {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String org = "demo-ngo-" + suffix;
    call("POST", "/api/v1/trusted-flaggers", adminToken, Map.of("organisation", org, "name", "Demo NGO against online hate", "coordinator",
        "Bundesnetzagentur (demo)", "expertise", List.of(HATE), "designatedAt", LocalDate.now().minusMonths(3).toString()), 201);
    String ngoPassword = UUID.randomUUID().toString();
    call("POST", "/api/v1/users", adminToken, Map.of("username", "ngo-" + suffix, "password", ngoPassword, "roles", List.of("trusted_flagger"),
        "organisation", org), 201);
    String moderatorPassword = UUID.randomUUID().toString();
    call("POST", "/api/v1/users", adminToken, Map.of("username", "moderator-" + suffix, "password", moderatorPassword, "roles",
        List.of("moderator")), 201);
    String ngo = login("ngo-" + suffix, ngoPassword);
    String moderator = login("moderator-" + suffix, moderatorPassword);

    for (String post : List.of("demo:de-001", "demo:en-002")) {
      call("POST", "/api/v1/notices", ngo, notice(post, "Trusted flagger notice: incitement against refugees as a group (§ 130 StGB)."), 201);
    }
    call("POST", "/api/v1/notices", null, notice("demo:en-001", "I think this post insults refugees."), 201);

    JsonNode queue = call("GET", "/api/v1/cases?state=open&size=6", moderator, null, 200).path("items");
    int restricted = 0;
    int noAction = 0;
    String complainable = null;
    String complaintToken = null;
    for (JsonNode c : queue) {
      String id = c.path("id").asText();
      call("POST", "/api/v1/cases/" + id + "/claim", moderator, null, 200);
      boolean restrict = !"demo:en-001".equals(c.path("postUid").asText()) && (restricted + noAction) % 3 != 2;
      JsonNode decision = call("POST", "/api/v1/cases/" + id + "/decisions", moderator, restrict ? restriction(restricted) : Map.of(
          "action", "no_action", "explanation", "Counter-speech or criticism of policy without an attack on a protected group."), 201);
      if (restrict) {
        restricted++;
        if (complainable == null) {
          complainable = decision.path("id").asText();
          complaintToken = decision.path("recipientComplaintToken").asText();
        }
      } else {
        noAction++;
      }
    }
    // A person reviews two automated removals: one confirmed, one reversed (the accuracy figures of the report rest on these).
    int reviewed = 0;
    for (JsonNode c : call("GET", "/api/v1/cases?state=auto_actioned&size=2", moderator, null, 200).path("items")) {
      String id = c.path("id").asText();
      call("POST", "/api/v1/cases/" + id + "/claim", moderator, null, 200);
      call("POST", "/api/v1/cases/" + id + "/decisions", moderator, reviewed == 0 ? restriction(0) : Map.of("action", "no_action",
          "explanation", "Reported speech: the post quotes the slur in order to condemn it."), 201);
      reviewed++;
    }
    if (complainable != null) {
      JsonNode complaint = call("POST", "/api/v1/complaints", null, Map.of("decisionId", complainable, "token", complaintToken, "text",
          "My post was a quotation in a news report, not my own opinion."), 201);
      call("POST", "/api/v1/complaints/" + complaint.path("id").asText() + "/outcome", adminToken, Map.of("outcome", "upheld", "reason",
          "The post repeats the slur as its own statement; it is not reported speech."), 200);
    }
    return ("%d notices (2 from trusted flagger %s), %d restrictions with statements of reasons, %d decisions to take no action,"
        + " %d automated removals reviewed, %d complaint").formatted(3, org, restricted, noAction, reviewed, complainable == null ? 0 : 1);
  }

  private static Map<String, Object> notice(String postUid, String explanation) {
    return Map.of("items", List.of(Map.of("postUid", postUid)), "explanation", explanation, "category", HATE, "keywords",
        List.of("KEYWORD_HATE_SPEECH"), "notifierName", "Demo Notifier", "notifierEmail", "notifier@demo.modsuite.invalid", "goodFaith", true);
  }

  private static Map<String, Object> restriction(int n) {
    return n % 2 == 0
        ? Map.of("action", "remove", "ground", "DECISION_GROUND_ILLEGAL_CONTENT", "legalGround", "§ 130 StGB (Volksverhetzung)", "explanation",
            "Incites hatred against refugees as a group and calls for their removal by force.", "category", HATE, "keywords",
            List.of("KEYWORD_HATE_SPEECH"), "territorialScope", List.of("DE"))
        : Map.of("action", "restrict", "ground", "DECISION_GROUND_INCOMPATIBLE_CONTENT", "contractualGround",
            "Community guidelines, section 3: hate speech", "explanation", "Dehumanising comparison of migrants with animals.", "category", HATE,
            "visibility", List.of("DECISION_VISIBILITY_CONTENT_DEMOTED"));
  }

  private String login(String username, String password) throws IOException, InterruptedException {
    String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(reportUrl + "/api/v1/auth/token"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body()).path("access_token").asText();
  }

  private JsonNode call(String method, String path, String token, Object body, int expected) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(reportUrl + path)).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IOException("demo: " + method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
  }
}
