package org.modsuite.report.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import org.hibernate.LockMode;
import org.modsuite.events.ActionEvent;
import org.modsuite.events.ActionType;
import org.modsuite.events.EventJson;
import org.modsuite.events.Topics;
import org.modsuite.report.Decision;
import org.modsuite.report.ModerationCase;
import org.modsuite.report.Notice;
import org.modsuite.report.NoticeContact;
import org.modsuite.report.StatementRecord;
import org.modsuite.report.config.DsaConfig;
import org.modsuite.report.dsa.FieldViolation;
import org.modsuite.report.dsa.SorJson;
import org.modsuite.report.dsa.StatementOfReasons;
import org.modsuite.report.dsa.StatementValidator;
import org.modsuite.report.repository.CaseRepository;
import org.modsuite.report.repository.DeadlineRepository;
import org.modsuite.report.repository.DecisionRepository;
import org.modsuite.report.repository.NoticeRepository;
import org.modsuite.report.repository.OutboxRepository;
import org.modsuite.report.repository.PostRepository;
import org.modsuite.report.repository.StatementRepository;
import org.modsuite.support.rest.Problem;
import org.modsuite.support.rest.ProblemException;

/**
 * Decisions: a moderator's on a claimed case, or the policy's automated removal. Each is one transaction that writes the
 * decision, its statement of reasons (for restrictions), the ActionEvent into the outbox, the notifiers' answers, the
 * clocks and the audit entry.
 */
@ApplicationScoped
public class DecisionService {

  static final StatementValidator VALIDATOR = new StatementValidator();
  static final String VISIBILITY_REMOVED = "DECISION_VISIBILITY_CONTENT_REMOVED";
  static final String VISIBILITY_LABELLED = "DECISION_VISIBILITY_CONTENT_LABELLED";

  private final CaseRepository cases;
  private final DecisionRepository decisions;
  private final NoticeRepository notices;
  private final PostRepository posts;
  private final DeadlineRepository deadlines;
  private final OutboxRepository outbox;
  private final AuditService audit;
  private final LegalClocks clocks;
  private final DsaConfig config;
  private final MeterRegistry registry;
  private final StatementRepository statements;

  public DecisionService(CaseRepository cases, DecisionRepository decisions, NoticeRepository notices, PostRepository posts, DeadlineRepository deadlines,
      OutboxRepository outbox, AuditService audit, LegalClocks clocks, DsaConfig config, MeterRegistry registry, StatementRepository statements) {
    this.statements = statements;
    this.cases = cases;
    this.decisions = decisions;
    this.notices = notices;
    this.posts = posts;
    this.deadlines = deadlines;
    this.outbox = outbox;
    this.audit = audit;
    this.clocks = clocks;
    this.config = config;
    this.registry = registry;
  }

  /** One decision with the PUID of its statement of reasons, if it has one. */
  @WithSession
  public Uni<DecisionView> find(UUID id) {
    return decisions.findById(id).chain(d -> d == null ? Uni.createFrom().failure(ProblemException.notFound("no decision " + id))
        : statements.ofDecision(id).map(s -> DecisionView.of(d, s == null ? null : s.puid, null)));
  }

  /** A moderator decides a case they hold the claim on. */
  @WithTransaction
  public Uni<DecisionView> decide(UUID caseId, DecisionRequest request, Actor actor) {
    var errors = DecisionValidator.validate(request);
    if (!errors.isEmpty()) {
      return Uni.createFrom().failure(ProblemException.invalid(errors));
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return Panache.getSession().chain(s -> s.find(ModerationCase.class, caseId, LockMode.PESSIMISTIC_WRITE)).chain(c -> {
      if (c == null) {
        return Uni.createFrom().failure(ProblemException.notFound("no case " + caseId));
      }
      if ("decided".equals(c.getState())) {
        return Uni.createFrom().failure(ProblemException.conflict("case " + caseId + " is already decided; a complaint reviews a decision (DSA Art. 20)"));
      }
      if (!actor.name().equals(c.getClaimedBy()) || c.getClaimExpiresAt() == null || !c.getClaimExpiresAt().isAfter(now)) {
        return Uni.createFrom().failure(ProblemException.conflict(c.claimedByOther(actor.name(), now)
            ? "case " + caseId + " is claimed by another moderator until " + c.getClaimExpiresAt()
            : "claim case " + caseId + " before deciding it (POST /api/v1/cases/" + caseId + "/claim)"));
      }
      return sourceType(c).chain(sourceType -> {
        Decision d = fromRequest(c, request, actor, sourceType, now);
        if (!"auto_actioned".equals(c.getState())) {
          return record(c, d, actor, null, "decision.taken", Boolean.TRUE.equals(request.noticesManifestlyUnfounded()));
        }
        // A human review of an automated removal: confirm it (no second statement or takedown) or reverse it (restore).
        return decisions.latestOfCase(c.getId()).chain(automated -> {
          d.humanReviewOf = automated.id;
          if ("no_action".equals(d.action)) {
            d.action = "restore";
            d.supersedes = automated.id;
            return record(c, d, actor, null, "decision.automated_reversed");
          }
          if (d.action.equals(automated.action)) {
            return record(c, d, actor, null, "decision.automated_confirmed");
          }
          d.supersedes = automated.id;
          return record(c, d, actor, null, "decision.automated_replaced");
        });
      });
    });
  }

  /**
   * The policy's automated removal of an analysed post (decision remove): recorded as fully automated, with its
   * statement of reasons and takedown; the case stays in the queue for human review. Nothing happens if the case is
   * already decided or actioned.
   */
  public Uni<Void> automatedRemoval(String postUid) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return cases.findByPostUid(postUid).chain(c -> {
      if (c == null || !"open".equals(c.getState())) {
        return Uni.createFrom().voidItem();
      }
      return sourceType(c).chain(sourceType -> {
        Decision d = new Decision();
        d.id = UUID.randomUUID();
        d.caseId = c.getId();
        d.postUid = c.getPostUid();
        d.decidedBy = "policy:" + c.getPolicyVersion();
        d.decidedAt = now;
        d.action = "remove";
        d.automatedDecision = "AUTOMATED_DECISION_FULLY";
        d.automatedDetection = true;
        d.decisionGround = StatementOfReasons.INCOMPATIBLE_CONTENT;
        d.contractualGround = config.automatedContractualGround();
        d.explanation = "The automated analysis found " + c.getTopCategory() + " against a protected group with high confidence and rule evidence;"
            + " the provider's policy " + c.getPolicyVersion() + " removes such content. A moderator reviews the removal.";
        d.category = "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH";
        d.keywords = "[\"KEYWORD_HATE_SPEECH\"]";
        d.visibility = "[\"" + VISIBILITY_REMOVED + "\"]";
        d.territorialScope = "[]";
        d.sourceType = sourceType;
        return record(c, d, Actor.SYSTEM, "auto_actioned", "decision.automated").replaceWithVoid();
      });
    });
  }

  /**
   * The new decision after a complaint, superseding the original: with no request a restore of what the original
   * restricted, otherwise the decision given (a lighter restriction, or the restriction a notifier's complaint showed due).
   */
  Uni<Void> recordComplaintDecision(ModerationCase c, Decision original, DecisionRequest request, UUID complaintId, Actor actor) {
    if (request != null) {
      var errors = DecisionValidator.validate(request);
      if (!errors.isEmpty()) {
        return Uni.createFrom().failure(ProblemException.invalid(errors.stream()
            .map(e -> new Problem.FieldError("decision." + e.field(), e.message())).toList()));
      }
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Decision d;
    if (request == null) {
      d = new Decision();
      d.id = UUID.randomUUID();
      d.caseId = c.getId();
      d.postUid = c.getPostUid();
      d.decidedBy = actor.name();
      d.decidedAt = now;
      d.action = "restore";
      d.automatedDecision = "AUTOMATED_DECISION_NOT_AUTOMATED";
      d.automatedDetection = original.automatedDetection;
      d.explanation = "The decision " + original.id + " was reversed after an internal complaint (DSA Art. 20(4)).";
      d.sourceType = original.sourceType;
      d.keywords = "[]";
      d.visibility = "[]";
      d.territorialScope = "[]";
    } else {
      d = fromRequest(c, request, actor, original.sourceType, now);
    }
    d.supersedes = original.id;
    d.complaintId = complaintId;
    return record(c, d, actor, "decided", "decision.after_complaint").replaceWithVoid();
  }

  private Uni<String> sourceType(ModerationCase c) {
    return notices.onCase(c.getId()).map(list -> list.stream().map(n -> n.sourceType)
        .reduce((a, b) -> NoticeService.SOURCE_TRUSTED_FLAGGER.equals(a) ? a : b).orElse("SOURCE_VOLUNTARY"));
  }

  private static Decision fromRequest(ModerationCase c, DecisionRequest r, Actor actor, String sourceType, Instant now) {
    Decision d = new Decision();
    d.id = UUID.randomUUID();
    d.caseId = c.getId();
    d.postUid = c.getPostUid();
    d.decidedBy = actor.name();
    d.decidedAt = now;
    d.action = r.action();
    d.automatedDecision = "AUTOMATED_DECISION_NOT_AUTOMATED";
    d.automatedDetection = "analysis".equals(c.getSource());
    d.explanation = r.explanation().strip();
    d.sourceType = sourceType;
    d.territorialScope = EventJson.write(r.territorialScope() == null ? List.of() : r.territorialScope());
    d.keywords = EventJson.write(r.keywords() == null ? List.of() : r.keywords());
    List<String> visibility = new ArrayList<>(r.visibility() == null ? List.of() : r.visibility());
    if ("remove".equals(r.action()) && !visibility.contains(VISIBILITY_REMOVED)) {
      visibility.add(0, VISIBILITY_REMOVED);
    }
    if ("label".equals(r.action()) && !visibility.contains(VISIBILITY_LABELLED)) {
      visibility.add(VISIBILITY_LABELLED);
    }
    d.visibility = EventJson.write(visibility);
    if (!"no_action".equals(r.action())) {
      d.decisionGround = r.ground();
      d.legalGround = StatementOfReasons.ILLEGAL_CONTENT.equals(r.ground()) ? r.legalGround().strip() : null;
      d.contractualGround = StatementOfReasons.INCOMPATIBLE_CONTENT.equals(r.ground()) ? r.contractualGround().strip() : null;
      d.incompatibleIllegal = StatementOfReasons.INCOMPATIBLE_CONTENT.equals(r.ground()) ? r.alsoIllegal() : null;
      d.category = r.category();
      d.monetary = r.monetary();
      d.provision = r.provision();
      d.account = r.account();
      d.endDate = r.endDate();
    }
    return d;
  }

  /**
   * Writes a decision and everything that follows from it. {@code caseState} is the case's new state (decided unless
   * given). A confirmation of an automated removal needs no second statement or takedown.
   */
  Uni<DecisionView> record(ModerationCase c, Decision d, Actor actor, String caseState, String auditAction) {
    return record(c, d, actor, caseState, auditAction, false);
  }

  /** As above; {@code unfounded} marks the answered notices as manifestly unfounded (Art. 23(2)). */
  Uni<DecisionView> record(ModerationCase c, Decision d, Actor actor, String caseState, String auditAction, boolean unfounded) {
    String token = Secrets.random(24);
    d.recipientTokenHash = Secrets.sha256(token);
    d.recipientInformedAt = d.decidedAt;
    boolean confirmation = "decision.automated_confirmed".equals(auditAction);
    boolean statement = d.restricts() && !confirmation;
    return posts.findById(d.postUid).chain(post -> {
      StatementOfReasons built = statement ? StatementFactory.of(d, c, post == null ? null : post.createdAt, config.termsUrl().orElse(null)) : null;
      if (built != null) {
        List<FieldViolation> violations = VALIDATOR.validate(built);
        if (!violations.isEmpty()) {
          return Uni.createFrom().failure(new ProblemException(Problem.of(422, "Statement of reasons would be refused",
              "the statement of reasons would not pass the Transparency Database rules: " + violations)));
        }
      }
      String state = caseState == null ? "decided" : caseState;
      Instant decidedAt = "decided".equals(state) ? d.decidedAt : null;
      return Panache.getSession().chain(s -> s.persist(d)).chain(() -> Panache.getSession().chain(s -> s.flush()))
          .chain(() -> cases.setState(c.getId(), state, decidedAt, d.decidedAt))
          .chain(() -> built == null ? Uni.createFrom().voidItem() : storeStatement(d, built))
          .chain(() -> confirmation ? Uni.createFrom().voidItem() : enqueueAction(d))
          .chain(() -> d.restricts() ? posts.keepAsEvidence(d.postUid, d.decidedAt.plus(config.retention().evidence())).replaceWithVoid()
              : Uni.createFrom().voidItem())
          .chain(() -> answerNotices(c, d, state, unfounded))
          .chain(() -> audit.change(actor, auditAction, c.getId().toString(), d.explanation, "{\"state\":\"" + c.getState() + "\"}",
              "{\"state\":\"" + state + "\",\"decision\":\"" + d.id + "\",\"action\":\"" + d.action + "\"}"))
          .invoke(() -> registry.counter("modsuite.decisions", "action", d.action, "automated", d.automatedDecision).increment())
          .map(v -> DecisionView.of(d, built == null ? null : built.puid(), token));
    });
  }

  private Uni<Void> storeStatement(Decision d, StatementOfReasons sor) {
    StatementRecord r = new StatementRecord();
    r.id = UUID.randomUUID();
    r.decisionId = d.id;
    r.puid = sor.puid();
    try {
      r.body = SorJson.mapper().writeValueAsString(sor);
    } catch (JsonProcessingException e) {
      return Uni.createFrom().failure(e);
    }
    r.createdAt = d.decidedAt;
    r.state = "pending";
    r.nextAttemptAt = d.decidedAt;
    return Panache.getSession().chain(s -> s.persist(r))
        .chain(() -> deadlines.start("statement", r.id, LegalClocks.DATABASE_SUBMISSION, d.decidedAt.plus(clocks.databaseSubmission())))
        .replaceWithVoid();
  }

  private Uni<Void> enqueueAction(Decision d) {
    ActionEvent event = new ActionEvent(UUID.randomUUID(), ActionEvent.TYPE, ActionEvent.SCHEMA_VERSION, d.decidedAt, d.postUid,
        ActionType.valueOf(d.action.toUpperCase(Locale.ROOT)), d.id.toString(), d.caseId.toString(),
        d.legalGround != null ? d.legalGround : d.contractualGround, !"AUTOMATED_DECISION_NOT_AUTOMATED".equals(d.automatedDecision), d.decidedAt);
    return outbox.addEvent(event.eventId(), Topics.MODERATION_ACTIONS, d.postUid, EventJson.write(event), d.decidedAt).replaceWithVoid();
  }

  /** Tells each notifier whose items are now all decided the outcome and the redress routes (Art. 16(5)). */
  private Uni<Void> answerNotices(ModerationCase c, Decision d, String newState, boolean unfounded) {
    return notices.onCase(c.getId()).chain(list -> {
      Uni<Void> chain = Uni.createFrom().voidItem();
      for (Notice n : list) {
        if (!"received".equals(n.state)) {
          continue;
        }
        chain = chain.chain(() -> notices.allItemsDecided(n.id)).chain(done -> {
          if (!done && !"auto_actioned".equals(newState)) {
            return Uni.createFrom().voidItem();
          }
          String outcome = d.restricts() ? "restricted" : "no_action";
          boolean automated = !"AUTOMATED_DECISION_NOT_AUTOMATED".equals(d.automatedDecision);
          return notices.markDecided(n.id, outcome, automated, !d.restricts() && unfounded, d.decidedAt)
              .chain(() -> deadlines.meet("notice", n.id, LegalClocks.DECISION, d.decidedAt))
              .chain(() -> deadlines.start("notice", n.id, LegalClocks.NOTIFIER_INFORMED, d.decidedAt.plus(clocks.notifierInformed()), d.decidedAt))
              .chain(() -> Panache.getSession().chain(s -> s.find(NoticeContact.class, n.id)))
              .chain(contact -> contact == null || contact.email == null ? Uni.createFrom().voidItem()
                  : outbox.addMail(contact.email, "Decision on your notice " + n.id,
                      NoticeLetters.decision(n, outcome, automated, config.publicUrl() + "/api/v1/complaints"), d.decidedAt).replaceWithVoid());
        });
      }
      return chain;
    });
  }
}
