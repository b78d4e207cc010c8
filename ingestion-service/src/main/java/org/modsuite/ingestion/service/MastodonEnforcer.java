package org.modsuite.ingestion.service;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.modsuite.events.ActionEvent;
import org.modsuite.events.ActionType;
import org.modsuite.ingestion.config.IngestionConfig;
import org.modsuite.ingestion.connector.FetchException;
import org.modsuite.ingestion.connector.PlatformHttp;
import org.modsuite.ingestion.connector.SourceType;
import org.modsuite.ingestion.repository.SourceRecord;
import org.modsuite.ingestion.repository.SourceRepository;

/**
 * Moderation actions on a Mastodon instance through its API, with the token of a Mastodon source marked
 * {@code enforce=true} (scopes {@code read:search}, {@code write:reports}, {@code admin:write:accounts}); one on the
 * status's home instance is preferred. The status is found by its global {@code uri} ({@code GET /api/v2/search},
 * {@code resolve=true}), which gives the instance's own status and account ids; {@code remove} and {@code restrict}
 * report it with our decision ({@code POST /api/v1/reports}, category {@code other}). Then:
 *
 * <ul>
 *   <li>{@code restrict}: {@code POST /api/v1/admin/accounts/:id/action} {@code type=silence} with that report
 *       (the account is limited) → {@code done};
 *   <li>{@code restore}: {@code POST /api/v1/admin/accounts/:id/unsilence} → {@code done};
 *   <li>{@code remove}: Mastodon's API cannot delete another account's status (its admin API acts on accounts and
 *       reports): the report carries the status to the instance's moderators → {@code manual}, naming the report.
 * </ul>
 */
@ApplicationScoped
public class MastodonEnforcer {

  private final SourceRepository sources;
  private final PlatformHttp http;
  private final ObjectMapper mapper;
  private final SecretCipher cipher;

  public MastodonEnforcer(SourceRepository sources, PlatformHttp http, ObjectMapper mapper, IngestionConfig config) {
    this.sources = sources;
    this.http = http;
    this.mapper = mapper;
    this.cipher = new SecretCipher(config.secretKey());
  }

  /** An outcome: {@code done}, {@code manual} or {@code failed}, what happened, and the source whose token acted. */
  public record Outcome(String outcome, String detail, String sourceId) {
  }

  public Outcome enforce(ActionEvent action) {
    String uri = action.postUid().substring("mastodon:".length());
    String host;
    try {
      host = URI.create(uri).getHost();
    } catch (IllegalArgumentException e) {
      return new Outcome("failed", "the postUid holds no status uri", null);
    }
    Optional<SourceRecord> source = sources.all().stream()
        .filter(s -> s.type() == SourceType.MASTODON && s.secretCipher() != null && "true".equals(s.settings().get("enforce")))
        .min(Comparator.comparing(s -> host != null && host.equalsIgnoreCase(URI.create(s.settings().get("instance")).getHost()) ? 0 : 1));
    if (source.isEmpty()) {
      return new Outcome("manual", "no Mastodon source with enforce=true (an admin token) to act on " + host, null);
    }
    SourceRecord s = source.get();
    String base = s.settings().get("instance").replaceAll("/+$", "");
    String instance = URI.create(base).getHost();
    Map<String, String> auth = Map.of("Authorization", "Bearer " + cipher.decrypt(s.id(), s.secretCipher()), "Accept", "application/json");
    try {
      JsonNode found = json(http.get(URI.create(base + "/api/v2/search?type=statuses&resolve=true&limit=1&q=" + encode(uri)), auth).body())
          .path("statuses");
      if (!found.isArray() || found.isEmpty() || !uri.equals(found.get(0).path("uri").asText())) {
        return new Outcome("failed", "the status is not found on " + instance + " (deleted, or not federated there)", s.id());
      }
      String statusId = found.get(0).path("id").asText();
      String accountId = found.get(0).path("account").path("id").asText();
      String comment = "ModSuite decision " + action.decisionId() + ": " + action.action().wireName()
          + (action.ground() == null ? "" : " (" + action.ground() + ")");
      if (action.action() == ActionType.RESTORE) {
        http.post(URI.create(base + "/api/v1/admin/accounts/" + encode(accountId) + "/unsilence"), auth, "");
        return new Outcome("done", "account limit lifted (unsilence) on " + instance, s.id());
      }
      String report = json(http.post(URI.create(base + "/api/v1/reports"), auth, form(List.of("account_id", accountId, "status_ids[]", statusId,
          "comment", comment.length() > 1000 ? comment.substring(0, 1000) : comment, "category", "other", "forward", "false"))).body())
          .path("id").asText();
      if (action.action() == ActionType.RESTRICT) {
        http.post(URI.create(base + "/api/v1/admin/accounts/" + encode(accountId) + "/action"), auth,
            form(List.of("type", "silence", "report_id", report, "text", comment, "send_email_notification", "true")));
        return new Outcome("done", "account limited (silence) on " + instance + " with report #" + report, s.id());
      }
      return new Outcome("manual", "report #" + report + " filed on " + instance + " with the status; Mastodon's API cannot delete another "
          + "account's status: delete it from that report", s.id());
    } catch (FetchException e) {
      return new Outcome("failed", e.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage(), s.id());
    } catch (JsonProcessingException e) {
      return new Outcome("failed", instance + " answered something that is not JSON", s.id());
    }
  }

  private JsonNode json(String body) throws JsonProcessingException {
    return mapper.readTree(body);
  }

  private static String form(List<String> pairs) {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i < pairs.size(); i += 2) {
      form.append(i == 0 ? "" : "&").append(encode(pairs.get(i))).append('=').append(encode(pairs.get(i + 1)));
    }
    return form.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
