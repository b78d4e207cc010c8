package org.modsuite.report.service;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import org.jboss.logging.Logger;
import org.modsuite.events.EventJson;
import org.modsuite.report.config.DsaConfig;
import org.modsuite.report.dsa.SorJson;
import org.modsuite.report.dsa.StatementValidator;
import org.modsuite.report.dsa.SubmissionResult;
import org.modsuite.report.dsa.TransparencyDbClient;
import org.modsuite.report.repository.DeadlineRepository;
import org.modsuite.report.repository.StatementRepository;

/**
 * Submits pending statements of reasons to the Transparency Database (Art. 24(5)). Each batch is one transaction: lock
 * up to batch-size due statements ({@code FOR UPDATE SKIP LOCKED}, so replicas share the work), send them as stored on
 * a worker thread, record the outcome. A statement is never stored twice: a PUID the database already holds (we crashed
 * after it stored but before we recorded) is settled with {@code puidExists} and marked submitted without a uuid.
 * Off without {@code modsuite.dsa.transparency-db.base-url} and {@code .token}.
 */
@ApplicationScoped
public class StatementSubmitter {

  /** What became of one statement in a batch. */
  public enum Outcome {
    SUBMITTED, ALREADY_STORED, REJECTED, RETRY_NOW, RATE_LIMITED, BACKED_OFF, UNAUTHORIZED;

    String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One run: batches sent and statements by outcome. */
  public record SubmissionRun(int batches, Map<Outcome, Integer> statements) {
    public int count(Outcome outcome) {
      return statements.getOrDefault(outcome, 0);
    }
  }

  static final int MAX_BATCHES_PER_RUN = 20;
  static final String ALREADY_STORED = "already in database";
  private static final int MAX_ERROR_LENGTH = 2000;
  private static final Logger LOG = Logger.getLogger(StatementSubmitter.class);

  private final StatementRepository statements;
  private final DeadlineRepository deadlines;
  private final AuditService audit;
  private final Vertx vertx;
  private final MeterRegistry registry;
  private final int batchSize;
  private final AtomicLong pending = new AtomicLong();
  private volatile TransparencyDbClient client;
  private volatile Instant pausedUntil = Instant.EPOCH;

  public StatementSubmitter(StatementRepository statements, DeadlineRepository deadlines, AuditService audit, Vertx vertx, DsaConfig config,
      MeterRegistry registry) {
    this.statements = statements;
    this.deadlines = deadlines;
    this.audit = audit;
    this.vertx = vertx;
    this.registry = registry;
    DsaConfig.TransparencyDb tdb = config.transparencyDb();
    this.batchSize = Math.max(1, Math.min(tdb.batchSize(), StatementValidator.MAX_BATCH));
    Optional<String> baseUrl = tdb.baseUrl().filter(s -> !s.isBlank());
    Optional<String> token = tdb.token().filter(s -> !s.isBlank());
    if (baseUrl.isPresent() && token.isPresent()) {
      this.client = new TransparencyDbClient(URI.create(baseUrl.get()), token.get(), tdb.timeout());
      LOG.infof("Statements of reasons go to the Transparency Database at %s, %d per call, every %s", baseUrl.get(), batchSize, tdb.interval());
    } else {
      LOG.info("Transparency Database submission is off: modsuite.dsa.transparency-db.base-url and .token are not both set");
    }
    registry.gauge("modsuite.statements.pending", pending);
  }

  @Scheduled(identity = "statement-submitter", every = "${modsuite.dsa.transparency-db.interval:10s}", delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    if (client == null) {
      return;
    }
    try {
      submitDue();
    } catch (RuntimeException e) {
      LOG.warnf("Statement submission failed, will retry: %s", e.getMessage());
    }
  }

  /**
   * Uses this client from now on instead of the configured one (null turns submission off): for tests, or a token
   * replaced at runtime. Clears a rate-limit pause.
   */
  public void connect(TransparencyDbClient client) {
    this.client = client;
    this.pausedUntil = Instant.EPOCH;
  }

  /**
   * Submits the due statements batch after batch (at most 20 batches) until none is due, or the database rate-limits,
   * fails or refuses the token. Blocking: call it from a worker thread.
   */
  public SubmissionRun submitDue() {
    TransparencyDbClient c = client;
    Map<Outcome, Integer> total = new EnumMap<>(Outcome.class);
    int batches = 0;
    while (c != null && batches < MAX_BATCHES_PER_RUN && !Instant.now().isBefore(pausedUntil)) {
      Map<Outcome, Integer> batch = Await.result(() -> submitBatch(c));
      if (batch.isEmpty()) {
        break;
      }
      batches++;
      batch.forEach((outcome, n) -> {
        total.merge(outcome, n, Integer::sum);
        registry.counter("modsuite.statements.submissions", "outcome", outcome.tag()).increment(n);
      });
      if (batch.containsKey(Outcome.UNAUTHORIZED)) {
        LOG.errorf("The Transparency Database refused our token: %d statements stay pending until modsuite.dsa.transparency-db.token is fixed",
            batch.get(Outcome.UNAUTHORIZED));
        break;
      }
      if (batch.containsKey(Outcome.RATE_LIMITED) || batch.containsKey(Outcome.BACKED_OFF)) {
        break;
      }
      int taken = batch.values().stream().mapToInt(Integer::intValue).sum();
      if (taken < batchSize && !batch.containsKey(Outcome.RETRY_NOW)) {
        break;
      }
    }
    if (c != null) {
      pending.set(Await.result(() -> Panache.withSession(statements::countPending)));
    }
    return new SubmissionRun(batches, Collections.unmodifiableMap(total));
  }


  /** One batch in one transaction; an empty map when nothing was due. */
  Uni<Map<Outcome, Integer>> submitBatch(TransparencyDbClient c) {
    return Panache.withTransaction(() -> statements.lockDue(Instant.now(), batchSize).chain(rows -> {
      if (rows.isEmpty()) {
        return Uni.createFrom().item(Map.<Outcome, Integer>of());
      }
      List<Due> due = rows.stream().map(Due::of).toList();
      return vertx.executeBlocking(() -> send(c, due), false)
          .chain(sent -> record(due, sent, Instant.now().truncatedTo(ChronoUnit.MICROS)));
    }));
  }

  /** A locked pending statement. */
  private record Due(UUID id, String puid, String body, int attempts) {
    static Due of(Object[] row) {
      return new Due((UUID) row[0], (String) row[1], (String) row[2], ((Number) row[3]).intValue());
    }
  }

  /** The answer to a batch; {@code existing} settles the PUIDs the database said it holds; result null when not sent. */
  private record Sent(SubmissionResult result, Map<String, Optional<Boolean>> existing, Set<UUID> unreadable) {
  }

  // On a worker thread: the client blocks.
  private static Sent send(TransparencyDbClient c, List<Due> due) {
    List<JsonNode> bodies = new ArrayList<>();
    Set<UUID> unreadable = new java.util.HashSet<>();
    for (Due d : due) {
      try {
        bodies.add(SorJson.mapper().readTree(d.body()));
      } catch (JsonProcessingException e) {
        unreadable.add(d.id());
      }
    }
    if (!unreadable.isEmpty()) {
      return new Sent(null, Map.of(), unreadable);
    }
    SubmissionResult result = c.submitJson(bodies);
    Map<String, Optional<Boolean>> existing = new LinkedHashMap<>();
    if (result instanceof SubmissionResult.Rejected rejected) {
      rejected.existingPuids().forEach(puid -> existing.put(puid, c.puidExists(puid)));
    }
    return new Sent(result, existing, Set.of());
  }

  private Uni<Map<Outcome, Integer>> record(List<Due> due, Sent sent, Instant now) {
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    List<Uni<Void>> steps = new ArrayList<>();
    SubmissionResult result = sent.result();
    if (result == null) {
      for (Due d : due) {
        if (sent.unreadable().contains(d.id())) {
          steps.add(rejected(d, "the stored statement is not valid JSON"));
          counts.merge(Outcome.REJECTED, 1, Integer::sum);
        } else {
          counts.merge(Outcome.RETRY_NOW, 1, Integer::sum);
        }
      }
    } else if (result instanceof SubmissionResult.Accepted accepted) {
      Map<String, Due> byPuid = due.stream().collect(Collectors.toMap(Due::puid, d -> d));
      for (int i = 0; i < accepted.receipts().size(); i++) {
        SubmissionResult.Receipt receipt = accepted.receipts().get(i);
        Due d = byPuid.getOrDefault(receipt.puid(), due.get(i));
        steps.add(submitted(d, receipt.uuid(), null, now));
      }
      counts.put(Outcome.SUBMITTED, accepted.receipts().size());
    } else if (result instanceof SubmissionResult.RateLimited limited) {
      Instant at = now.plus(limited.retryAfter());
      pausedUntil = at;
      steps.add(statements.reschedule(due.stream().map(Due::id).toList(), at).replaceWithVoid());
      counts.put(Outcome.RATE_LIMITED, due.size());
      LOG.infof("Transparency Database rate limit: %d statements wait %s", due.size(), limited.retryAfter());
    } else if (result instanceof SubmissionResult.TransientFailure failure) {
      due.forEach(d -> steps.add(backOff(d, failure.reason(), now)));
      counts.put(Outcome.BACKED_OFF, due.size());
      LOG.warnf("Transparency Database did not take %d statements (%s); trying again with back-off", due.size(), failure.reason());
    } else if (result instanceof SubmissionResult.Unauthorized) {
      counts.put(Outcome.UNAUTHORIZED, due.size());
    } else if (result instanceof SubmissionResult.Rejected rejected) {
      recordRejection(due, rejected, sent.existing(), now, steps, counts);
    }
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (Uni<Void> step : steps) {
      chain = chain.chain(() -> step);
    }
    return chain.replaceWith(counts);
  }

  // The batch stored nothing. Statements with errors are rejected, PUIDs already there are settled, the rest go again at once.
  private void recordRejection(List<Due> due, SubmissionResult.Rejected rejected, Map<String, Optional<Boolean>> existing, Instant now,
      List<Uni<Void>> steps, Map<Outcome, Integer> counts) {
    boolean explained = !rejected.itemErrors().isEmpty() || !rejected.existingPuids().isEmpty();
    for (int i = 0; i < due.size(); i++) {
      Due d = due.get(i);
      Map<String, List<String>> errors = rejected.itemErrors().get(i);
      Outcome outcome;
      if (errors != null) {
        LOG.warnf("Transparency Database rejected statement %s: fields %s", d.puid(), errors.keySet());
        steps.add(rejected(d, describe(errors)));
        outcome = Outcome.REJECTED;
      } else if (rejected.existingPuids().contains(d.puid())) {
        Optional<Boolean> stored = existing.getOrDefault(d.puid(), Optional.empty());
        if (stored.orElse(false)) {
          steps.add(submitted(d, null, ALREADY_STORED, now));
          outcome = Outcome.ALREADY_STORED;
        } else {
          steps.add(backOff(d, stored.isEmpty() ? "the database reported the PUID as existing; the check failed"
              : "the database reported the PUID as existing but does not find it", now));
          outcome = Outcome.BACKED_OFF;
        }
      } else if (explained) {
        outcome = Outcome.RETRY_NOW; // still due: the next batch takes it first
      } else {
        String reason = "batch refused: " + (rejected.requestErrors().isEmpty() ? String.valueOf(rejected.message()) : describe(rejected.requestErrors()));
        steps.add(backOff(d, reason, now));
        outcome = Outcome.BACKED_OFF;
      }
      counts.merge(outcome, 1, Integer::sum);
    }
    if (!explained) {
      LOG.warnf("Transparency Database refused a batch of %d without naming a statement; trying again with back-off", due.size());
    }
  }

  private Uni<Void> submitted(Due d, String tdbUuid, String note, Instant now) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("state", "submitted");
    after.put("tdbUuid", tdbUuid);
    return statements.markSubmitted(d.id(), tdbUuid, now, note)
        .chain(() -> deadlines.meet("statement", d.id(), LegalClocks.DATABASE_SUBMISSION, now))
        .chain(() -> audit.change(Actor.SYSTEM, "statement.submitted", d.puid(), note, "{\"state\":\"pending\"}", EventJson.write(after)));
  }

  private Uni<Void> rejected(Due d, String error) {
    return statements.markRejected(d.id(), d.attempts() + 1, error)
        .chain(() -> audit.change(Actor.SYSTEM, "statement.rejected", d.puid(), error, "{\"state\":\"pending\"}", "{\"state\":\"rejected\"}"));
  }

  private Uni<Void> backOff(Due d, String reason, Instant now) {
    int attempts = d.attempts() + 1;
    Duration delay = SubmissionBackoff.delay(attempts, ThreadLocalRandom.current().nextDouble());
    return statements.backOff(d.id(), attempts, now.plus(delay), truncate(reason)).replaceWithVoid();
  }

  /** "field: message; message | field: message", as the database gave them (validation messages, no statement text). */
  static String describe(Map<String, List<String>> errors) {
    return truncate(errors.entrySet().stream().map(e -> e.getKey() + ": " + String.join("; ", e.getValue()))
        .collect(Collectors.joining(" | ")));
  }

  private static String truncate(String s) {
    return s == null || s.length() <= MAX_ERROR_LENGTH ? s : s.substring(0, MAX_ERROR_LENGTH - 1) + "…";
  }
}
