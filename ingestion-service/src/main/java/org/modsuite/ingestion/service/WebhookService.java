package org.modsuite.ingestion.service;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.logging.Log;
import org.modsuite.events.PostOp;
import org.modsuite.ingestion.config.IngestionConfig;
import org.modsuite.ingestion.connector.Hashes;
import org.modsuite.ingestion.connector.MastodonStatusMapper;
import org.modsuite.ingestion.connector.SourceType;
import org.modsuite.ingestion.repository.SourceRecord;
import org.modsuite.ingestion.rest.IngestResult;
import org.modsuite.ingestion.rest.PostRequest;
import org.modsuite.support.rest.Problem;
import org.modsuite.support.rest.ProblemException;

/**
 * Receives signed pushes for a webhook source: verifies the signature over the raw bytes, drops a repeated
 * {@code webhook-id} (senders retry), maps the payload and publishes it. Payloads: Standard Webhooks events
 * {@code post.created | post.updated | post.deleted} with {@code data {id, text, lang, created_at, edited_at, url,
 * author.id, parent_id, thread_id}}, and Mastodon admin webhooks {@code status.created | status.updated} (a Status in
 * {@code object}); other Mastodon events ({@code report.created}, account events) are acknowledged and not published.
 */
@ApplicationScoped
public class WebhookService {

  private final SourceService sources;
  private final PostIngestService ingest;
  private final ObjectMapper mapper;
  private final Validator validator;
  private final Duration tolerance;
  private final Clock clock = Clock.systemUTC();
  /** Recently accepted webhook ids: a retried delivery is answered without publishing again. */
  private final Cache<String, Boolean> delivered = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofHours(48)).build();

  public WebhookService(SourceService sources, PostIngestService ingest, ObjectMapper mapper, Validator validator, IngestionConfig config) {
    this.sources = sources;
    this.ingest = ingest;
    this.mapper = mapper;
    this.validator = validator;
    this.tolerance = config.webhooks().tolerance();
  }

  public IngestResult receive(String sourceId, byte[] body, String webhookId, String timestamp, String signature, String hubSignature) {
    SourceRecord source = sources.record(sourceId).filter(s -> s.type() == SourceType.WEBHOOK)
        .orElseThrow(() -> ProblemException.notFound("no webhook source " + sourceId));
    String secret = sources.secret(source).orElseThrow(() -> unauthorized("the source has no signing secret"));
    String problem = signature != null || hubSignature == null
        ? WebhookSignature.checkStandard(secret, webhookId, timestamp, body, signature, clock.instant(), tolerance)
        : WebhookSignature.checkHub(secret, body, hubSignature);
    if (problem != null) {
      Log.infof("webhook %s: rejected a delivery: %s", sourceId, problem);
      throw unauthorized(problem);
    }
    if (source.paused()) {
      throw new ProblemException(Problem.of(503, "Service Unavailable", "source " + sourceId + " is paused; send again later"))
          .withHeader("Retry-After", "300");
    }
    String deliveryKey = sourceId + "\u0000" + (webhookId != null ? webhookId : Hashes.sha256(body));
    if (delivered.getIfPresent(deliveryKey) != null) {
      return new IngestResult(0, 1, List.of());
    }
    JsonNode payload;
    try {
      payload = mapper.readTree(body);
    } catch (IOException e) {
      throw ProblemException.invalid("body", "is not valid JSON");
    }
    if (payload == null || !payload.isObject()) {
      throw ProblemException.invalid("body", "must be a JSON object");
    }
    Optional<PostRequest> post = map(sourceId, payload);
    IngestResult result = post.isEmpty() ? new IngestResult(0, 0, List.of())
        : ingest.ingest(List.of(validated(post.get()))).await().atMost(Duration.ofSeconds(60));
    delivered.put(deliveryKey, Boolean.TRUE);
    return result;
  }

  private Optional<PostRequest> map(String sourceId, JsonNode payload) {
    if (payload.has("event")) {
      String event = payload.path("event").asText();
      if (event.equals("status.created") || event.equals("status.updated")) {
        return Optional.of(MastodonStatusMapper.map(payload.path("object"), sourceId)
            .orElseThrow(() -> ProblemException.invalid("object", "is not a public status with text, uri and created_at")));
      }
      return Optional.empty();
    }
    String type = payload.path("type").asText("");
    PostOp op = switch (type) {
      case "post.created" -> PostOp.CREATE;
      case "post.updated" -> PostOp.UPDATE;
      case "post.deleted" -> PostOp.DELETE;
      default -> throw ProblemException.invalid("type", "must be post.created, post.updated or post.deleted (or a Mastodon event)");
    };
    JsonNode data = payload.path("data");
    List<Problem.FieldError> errors = new ArrayList<>();
    String id = text(data, "id");
    if (id == null) {
      errors.add(new Problem.FieldError("data.id", "must not be blank"));
    }
    Instant createdAt = instant(data, "created_at", errors);
    Instant editedAt = instant(data, "edited_at", errors);
    if (op == PostOp.UPDATE && editedAt == null) {
      editedAt = instant(payload, "timestamp", errors);
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    String platform = "webhook";
    String parent = text(data, "parent_id");
    String thread = text(data, "thread_id");
    String text = op == PostOp.DELETE ? Optional.ofNullable(text(data, "text")).orElse("") : Optional.ofNullable(data.path("text").asText(null)).orElse("");
    return Optional.of(new PostRequest(null, platform, sourceId + ":" + id, text(data, "url"), text(data.path("author"), "id"), text,
        text(data, "lang"), createdAt, editedAt, parent == null ? null : platform + ":" + sourceId + ":" + parent,
        thread == null ? null : platform + ":" + sourceId + ":" + thread, sourceId, op));
  }

  private PostRequest validated(PostRequest post) {
    List<Problem.FieldError> errors = new ArrayList<>();
    validator.validate(post).forEach(v -> errors.add(new Problem.FieldError("data." + v.getPropertyPath(), v.getMessage())));
    if (post.text() != null && post.text().isBlank() && post.effectiveOp() != PostOp.DELETE) {
      errors.add(new Problem.FieldError("data.text", "must not be blank"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return post;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isValueNode() && !v.asText().isBlank() ? v.asText() : null;
  }

  private static Instant instant(JsonNode node, String field, List<Problem.FieldError> errors) {
    String v = text(node, field);
    if (v == null) {
      if (field.equals("created_at")) {
        errors.add(new Problem.FieldError("data.created_at", "must not be null"));
      }
      return null;
    }
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      errors.add(new Problem.FieldError((field.equals("timestamp") ? "" : "data.") + field, "must be an RFC 3339 instant"));
      return null;
    }
  }

  private static ProblemException unauthorized(String detail) {
    return new ProblemException(Problem.of(401, "Unauthorized", detail));
  }
}
