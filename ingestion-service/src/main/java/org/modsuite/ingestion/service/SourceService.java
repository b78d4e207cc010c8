package org.modsuite.ingestion.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import org.modsuite.ingestion.config.IngestionConfig;
import org.modsuite.ingestion.connector.Connector;
import org.modsuite.ingestion.connector.FetchException;
import org.modsuite.ingestion.connector.FetchResult;
import org.modsuite.ingestion.connector.SourceContext;
import org.modsuite.ingestion.connector.SourceType;
import org.modsuite.ingestion.connector.YouTubeConnector;
import org.modsuite.ingestion.repository.QuotaRepository;
import org.modsuite.ingestion.repository.SourceRecord;
import org.modsuite.ingestion.repository.SourceRepository;
import org.modsuite.ingestion.rest.PostRequest;
import org.modsuite.ingestion.rest.QuotaView;
import org.modsuite.ingestion.rest.SourceRequest;
import org.modsuite.ingestion.rest.SourceTestResult;
import org.modsuite.ingestion.rest.SourceView;
import org.modsuite.support.rest.Problem;
import org.modsuite.support.rest.ProblemException;

/** Creates, changes and describes source instances; secrets are encrypted before they are stored and never leave. */
@ApplicationScoped
public class SourceService {

  private final SourceRepository repository;
  private final Connectors connectors;
  private final SourcePoller poller;
  private final SourceStreams streams;
  private final QuotaRepository quotas;
  private final SourceStats stats;
  private final SecretCipher cipher;
  private final Validator validator;
  private final Clock clock = Clock.systemUTC();

  private final boolean allowPrivateTargets;

  public SourceService(SourceRepository repository, Connectors connectors, SourcePoller poller, SourceStreams streams, QuotaRepository quotas,
      SourceStats stats, IngestionConfig config, Validator validator) {
    this.quotas = quotas;
    this.repository = repository;
    this.connectors = connectors;
    this.poller = poller;
    this.streams = streams;
    this.stats = stats;
    this.cipher = new SecretCipher(config.secretKey());
    this.validator = validator;
    this.allowPrivateTargets = config.sourceTest().allowPrivateAddresses();
  }

  public SourceView create(SourceRequest request) {
    SourceType type = validate(request, true);
    Instant now = clock.instant();
    byte[] secret = request.secret() == null || request.secret().isEmpty() ? null : cipher.encrypt(request.id(), request.secret());
    SourceRecord record = new SourceRecord(request.id(), type, settings(request), secret, request.intervalSeconds(),
        Boolean.TRUE.equals(request.paused()), null, null, null, null, null, now, now);
    if (!repository.insert(record)) {
      throw new ProblemException(Problem.of(409, "Conflict", "a source with id " + request.id() + " exists; PUT /api/v1/sources/" + request.id()
          + " changes it"));
    }
    return view(find(request.id()));
  }

  /** Creates the source, or replaces it when it exists (the sources file at start-up). */
  public SourceView upsert(SourceRequest request) {
    return repository.find(request.id()).isPresent() ? update(request.id(), request) : create(request);
  }

  public SourceView update(String id, SourceRequest request) {
    SourceType type = validate(request, false);
    byte[] secret = request.secret() == null || request.secret().isEmpty() ? null : cipher.encrypt(id, request.secret());
    if (!repository.update(id, type, settings(request), secret, request.intervalSeconds(), clock.instant())) {
      throw notFound(id);
    }
    poller.reset(id);
    return view(find(id));
  }

  public SourceView setPaused(String id, boolean paused) {
    if (!repository.setPaused(id, paused, clock.instant())) {
      throw notFound(id);
    }
    poller.reset(id);
    return view(find(id));
  }

  public void delete(String id) {
    if (!repository.delete(id)) {
      throw notFound(id);
    }
    poller.reset(id);
    stats.forget(id);
  }

  public SourceView get(String id) {
    return view(find(id));
  }

  public List<SourceView> list() {
    return repository.all().stream().map(this::view).toList();
  }

  /** The decrypted secret of a source, for connectors and the webhook signature check only. */
  public Optional<String> secret(SourceRecord source) {
    return Optional.ofNullable(source.secretCipher()).map(sealed -> cipher.decrypt(source.id(), sealed));
  }

  public Optional<SourceRecord> record(String id) {
    return repository.find(id);
  }

  /** Fetches the first page of a configuration, publishing and storing nothing. */
  public SourceTestResult test(SourceRequest request) {
    SourceType type = validate(request, false);
    if (!allowPrivateTargets) {
      List<Problem.FieldError> internal = InternalAddresses.named(settings(request));
      if (!internal.isEmpty()) {
        throw ProblemException.invalid(internal);
      }
    }
    Optional<Connector> connector = connectors.of(type);
    if (connector.isEmpty()) {
      return new SourceTestResult(true, 0, 0, List.of(), null);
    }
    String id = request.id() == null ? "test" : request.id();
    try {
      FetchResult page = connector.get().fetch(new SourceContext(id, settings(request), request.secret(), null, Map.of()));
      return new SourceTestResult(true, page.posts().size(), page.skipped(),
          page.posts().stream().limit(5).map(PostRequest::effectivePostUid).toList(), null);
    } catch (FetchException e) {
      return new SourceTestResult(false, 0, 0, List.of(), e.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage());
    }
  }

  private SourceType validate(SourceRequest request, boolean needsId) {
    if (request == null) {
      throw ProblemException.invalid("body", "must be a source object");
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    validator.validate(request).forEach(v -> errors.add(new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage())));
    if (needsId && request.id() == null) {
      errors.add(new Problem.FieldError("id", "must not be null"));
    }
    Optional<SourceType> type = request.type() == null ? Optional.empty() : SourceType.of(request.type());
    if (request.type() != null && type.isEmpty()) {
      errors.add(new Problem.FieldError("type", "must be one of " + SourceType.NAMES));
    }
    type.flatMap(connectors::settings).ifPresent(c -> errors.addAll(c.validate(settings(request))));
    if (type.orElse(null) == SourceType.TELEGRAM && needsId && (request.secret() == null || request.secret().isBlank())) {
      errors.add(new Problem.FieldError("secret", "a Telegram source needs its bot token"));
    }
    if (type.orElse(null) == SourceType.YOUTUBE && needsId && (request.secret() == null || request.secret().isBlank())) {
      errors.add(new Problem.FieldError("secret", "a YouTube source needs its API key"));
    }
    if (type.orElse(null) == SourceType.REDDIT && needsId && (request.secret() == null || !request.secret().matches("^[^:\\s]+:[^:\\s]+$"))) {
      // Reddit approves every Data API client since November 2025: no source without the credentials of an approved app.
      errors.add(new Problem.FieldError("secret", "a Reddit source needs client_id:client_secret of an app Reddit approved"));
    }
    if (type.orElse(null) == SourceType.WEBHOOK) {
      settings(request).keySet().forEach(k -> errors.add(new Problem.FieldError("settings." + k, "webhook sources take no settings")));
      if (needsId && (request.secret() == null || request.secret().length() < 16)) {
        errors.add(new Problem.FieldError("secret", "a webhook source needs its signing secret (whsec_<base64>, or at least 16 characters)"));
      }
    }
    if (!errors.isEmpty()) {
      errors.sort(java.util.Comparator.comparing(Problem.FieldError::field));
      throw ProblemException.invalid(errors);
    }
    return type.orElseThrow();
  }

  private static Map<String, String> settings(SourceRequest request) {
    return request.settings() == null ? Map.of() : request.settings();
  }

  private SourceRecord find(String id) {
    return repository.find(id).orElseThrow(() -> notFound(id));
  }

  private static ProblemException notFound(String id) {
    return ProblemException.notFound("no source " + id);
  }

  private SourceView view(SourceRecord s) {
    Instant now = clock.instant();
    boolean streamed = s.type() == SourceType.BLUESKY;
    Optional<SourceBreaker> breaker = streamed ? streams.breaker(s.id()) : poller.breaker(s.id());
    String state = s.paused() ? "paused" : s.type() == SourceType.WEBHOOK ? "push"
        : streamed ? streams.state(s.id()).orElse("connecting")
        : breaker.map(b -> b.state().name().toLowerCase(java.util.Locale.ROOT)).orElse("ok");
    Long lag = s.lastSuccessAt() == null ? null : Duration.between(s.lastSuccessAt(), now).toSeconds();
    return new SourceView(s.id(), s.type().wireName(), s.settings(), s.secretCipher() != null, s.intervalSeconds(), s.paused(), state, s.cursor(),
        s.lastSuccessAt(), s.lastErrorAt(), s.lastError(), lag, stats.postsLastHour(s.id()), s.newestPostAt(),
        breaker.map(SourceBreaker::nextAttempt).filter(t -> t.isAfter(Instant.EPOCH)).orElse(null), s.createdAt(), s.updatedAt(), quota(s, now));
  }

  private QuotaView quota(SourceRecord s, Instant now) {
    if (s.type() != SourceType.YOUTUBE) {
      return null;
    }
    java.time.LocalDate day = YouTubeConnector.quotaDay(now);
    return new QuotaView(day, quotas.used(s.id(), day), YouTubeConnector.dailyQuota(s.settings()), YouTubeConnector.quotaReset(now));
  }
}
