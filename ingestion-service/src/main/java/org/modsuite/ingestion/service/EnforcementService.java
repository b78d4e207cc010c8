package org.modsuite.ingestion.service;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import org.modsuite.events.ActionEvent;
import org.modsuite.events.ActionType;
import org.modsuite.ingestion.config.IngestionConfig;
import org.modsuite.ingestion.connector.FetchException;
import org.modsuite.ingestion.connector.PlatformHttp;
import org.modsuite.ingestion.connector.SourceType;
import org.modsuite.ingestion.repository.EnforcementRecord;
import org.modsuite.ingestion.repository.EnforcementRepository;
import org.modsuite.ingestion.repository.SourceRecord;
import org.modsuite.ingestion.repository.SourceRepository;

/**
 * Carries a moderation action out on the post's platform where its API allows, and records the outcome once per
 * decision. Telegram: {@code remove} is {@code deleteMessage} with the bot token of a Telegram source that covers the
 * chat (the bot must administer it). Mastodon: {@link MastodonEnforcer} (a report, and the admin API's account
 * actions). Everything else is recorded as {@code manual}: feeds and webhooks have no API for it, and a deleted
 * Telegram message cannot be restored. {@code no_action} and {@code label} are {@code not_applicable}.
 */
@ApplicationScoped
public class EnforcementService {

  private final EnforcementRepository enforcements;
  private final SourceRepository sources;
  private final PlatformHttp http;
  private final ObjectMapper mapper;
  private final SecretCipher cipher;
  private final MastodonEnforcer mastodon;
  private final Clock clock = Clock.systemUTC();

  public EnforcementService(EnforcementRepository enforcements, SourceRepository sources, PlatformHttp http, ObjectMapper mapper,
      IngestionConfig config, MastodonEnforcer mastodon) {
    this.mastodon = mastodon;
    this.enforcements = enforcements;
    this.sources = sources;
    this.http = http;
    this.mapper = mapper;
    this.cipher = new SecretCipher(config.secretKey());
  }

  public EnforcementRecord enforce(ActionEvent action) {
    Optional<EnforcementRecord> done = enforcements.find(action.decisionId());
    if (done.isPresent()) {
      return done.get(); // a redelivered action: carried out once
    }
    EnforcementRecord outcome = carryOut(action);
    enforcements.save(outcome);
    Log.infof("enforcement of decision %s (%s on %s): %s", action.decisionId(), action.action().wireName(), action.postUid(), outcome.outcome());
    return outcome;
  }

  private EnforcementRecord carryOut(ActionEvent action) {
    if (action.action() == ActionType.NO_ACTION || action.action() == ActionType.LABEL) {
      return record(action, "not_applicable", "nothing to do on the platform", null);
    }
    String platform = action.postUid().substring(0, Math.max(0, action.postUid().indexOf(':')));
    if (platform.equals("telegram") && action.action() == ActionType.REMOVE) {
      return telegramDelete(action);
    }
    if (platform.equals("mastodon") && action.postUid().startsWith("mastodon:http")) {
      MastodonEnforcer.Outcome outcome = mastodon.enforce(action);
      return record(action, outcome.outcome(), outcome.detail(), outcome.sourceId());
    }
    String why = switch (platform) {
      case "telegram" -> "the Bot API cannot " + action.action().wireName() + " a message; only remove (deleteMessage)";
      case "mastodon" -> "not a mastodon:{status uri} postUid";
      default -> "platform " + (platform.isEmpty() ? "unknown" : platform) + " has no API for it";
    };
    return record(action, "manual", why, null);
  }

  private EnforcementRecord telegramDelete(ActionEvent action) {
    String[] parts = action.postUid().split(":");
    if (parts.length != 3) {
      return record(action, "failed", "not a telegram:{chat}:{message} postUid", null);
    }
    String chat = parts[1];
    String message = parts[2];
    // A bot configured for this very chat first, else one that reads every chat it administers.
    Optional<SourceRecord> source = sources.all().stream()
        .filter(s -> s.type() == SourceType.TELEGRAM && s.secretCipher() != null)
        .filter(s -> !s.settings().containsKey("chats") || Arrays.stream(s.settings().get("chats").split(",")).map(String::trim).anyMatch(chat::equals))
        .min(java.util.Comparator.comparing(s -> s.settings().containsKey("chats") ? 0 : 1));
    if (source.isEmpty()) {
      return record(action, "manual", "no Telegram source (bot) covers chat " + chat, null);
    }
    SourceRecord s = source.get();
    String token = cipher.decrypt(s.id(), s.secretCipher());
    String base = s.settings().getOrDefault("apiBase", "https://api.telegram.org").replaceAll("/+$", "");
    try {
      HttpResponse<String> response = http.get(URI.create(base + "/bot" + token + "/deleteMessage?chat_id=" + chat + "&message_id=" + message),
          Map.of("Accept", "application/json"));
      JsonNode body = mapper.readTree(response.body());
      return body.path("ok").asBoolean(false) ? record(action, "done", "deleteMessage", s.id())
          : record(action, "failed", body.path("description").asText("deleteMessage was refused"), s.id());
    } catch (FetchException e) {
      return record(action, "failed", e.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage(), s.id());
    } catch (java.io.IOException e) {
      return record(action, "failed", "deleteMessage answered something that is not JSON", s.id());
    }
  }

  private EnforcementRecord record(ActionEvent action, String outcome, String detail, String sourceId) {
    return new EnforcementRecord(action.decisionId(), action.postUid(), action.action().wireName(), outcome, detail, sourceId, clock.instant());
  }
}
