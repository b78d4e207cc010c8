package org.modsuite.report.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import org.hibernate.LockMode;
import org.modsuite.report.Complaint;
import org.modsuite.report.ComplaintContact;
import org.modsuite.report.Decision;
import org.modsuite.report.ModerationCase;
import org.modsuite.report.Notice;
import org.modsuite.report.repository.DeadlineRepository;
import org.modsuite.report.repository.DecisionRepository;
import org.modsuite.report.repository.MisuseRepository;
import org.modsuite.report.repository.NoticeRepository;
import org.modsuite.report.repository.OutboxRepository;
import org.modsuite.support.rest.Problem.FieldError;
import org.modsuite.support.rest.ProblemException;

/**
 * The internal complaint system (Art. 20): complaints within the window, handled by a moderator other than the one who
 * decided, with a reasoned outcome; a reversal is a new decision (a restore, or a restriction where none was taken).
 */
@ApplicationScoped
public class ComplaintService {

  static final Set<String> OUTCOMES = Set.of("upheld", "partially_reversed", "reversed", "omitted");

  private final DecisionRepository decisions;
  private final DecisionService decisionService;
  private final NoticeRepository notices;
  private final DeadlineRepository deadlines;
  private final OutboxRepository outbox;
  private final AuditService audit;
  private final LegalClocks clocks;
  private final MisuseRepository misuse;

  public ComplaintService(DecisionRepository decisions, DecisionService decisionService, NoticeRepository notices, DeadlineRepository deadlines,
      OutboxRepository outbox, AuditService audit, LegalClocks clocks, MisuseRepository misuse) {
    this.misuse = misuse;
    this.decisions = decisions;
    this.decisionService = decisionService;
    this.notices = notices;
    this.deadlines = deadlines;
    this.outbox = outbox;
    this.audit = audit;
    this.clocks = clocks;
  }

  /** Takes a complaint. {@code onBehalf} is true for a platform's service account, which needs no token. */
  @WithTransaction
  public Uni<ComplaintView> submit(ComplaintRequest r, Actor actor, boolean onBehalf) {
    if (r == null || r.decisionId() == null || r.text() == null || r.text().strip().length() < 10 || r.text().length() > 5000) {
      return Uni.createFrom().failure(ProblemException.invalid(List.of(
          new FieldError(r == null || r.decisionId() == null ? "decisionId" : "text",
              r == null || r.decisionId() == null ? "name the decision you complain about" : "explain your complaint in 10 to 5,000 characters"))));
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Uni<Instant> suspended = r.email() == null || r.email().isBlank() ? Uni.createFrom().nullItem()
        : misuse.suspendedUntil("complainant", Secrets.sha256(r.email().strip().toLowerCase(Locale.ROOT)), now);
    return suspended.chain(until -> until == null ? Uni.createFrom().voidItem() : Uni.createFrom().failure(ProblemException.unprocessable(
        "the processing of complaints from this complainant is suspended until " + until + " for manifestly unfounded complaints (DSA Art. 23(2))")))
        .chain(() -> decisions.findById(r.decisionId())).chain(d -> {
      if (d == null) {
        return Uni.createFrom().failure(ProblemException.notFound("no decision " + r.decisionId()));
      }
      return complainant(d, r.token(), onBehalf).chain(who -> {
        if (who == null) {
          return Uni.createFrom().failure(ProblemException.forbidden("the token does not entitle you to complain about decision " + d.id));
        }
        Instant informed = who.notice == null ? d.recipientInformedAt : who.notice.notifierInformedAt;
        if (informed == null) {
          return Uni.createFrom().failure(ProblemException.unprocessable("the decision was not yet communicated"));
        }
        Instant until = informed.plus(clocks.complaintWindow());
        if (now.isAfter(until)) {
          return Uni.createFrom().failure(ProblemException.unprocessable("the complaint window closed on " + until + " (DSA Art. 20(1))"));
        }
        return decisions.latestOfCase(d.caseId).chain(current -> {
          if (!current.id.equals(d.id) && !d.id.equals(current.humanReviewOf)) {
            return Uni.createFrom().failure(ProblemException.conflict("decision " + d.id + " was superseded by decision " + current.id));
          }
          return store(d, r, who, now, actor);
        });
      });
    });
  }

  private record Complainant(String type, Notice notice) {
  }

  private Uni<Complainant> complainant(Decision d, String token, boolean onBehalf) {
    if (token == null || token.isBlank()) {
      return Uni.createFrom().item(onBehalf ? new Complainant("affected_recipient", null) : null);
    }
    String hash = Secrets.sha256(token);
    if (Secrets.sameSecret(hash, d.recipientTokenHash)) {
      return Uni.createFrom().item(new Complainant("affected_recipient", null));
    }
    return notices.onCase(d.caseId).map(list -> list.stream().filter(n -> Secrets.sameSecret(hash, n.statusTokenHash)).findFirst()
        .map(n -> new Complainant("notifier", n)).orElse(null));
  }

  private Uni<ComplaintView> store(Decision d, ComplaintRequest r, Complainant who, Instant now, Actor actor) {
    String token = Secrets.random(24);
    Complaint c = new Complaint();
    c.id = UUID.randomUUID();
    c.decisionId = d.id;
    c.caseId = d.caseId;
    c.complainantType = who.type;
    c.noticeId = who.notice == null ? null : who.notice.id;
    c.text = r.text().strip();
    c.receivedAt = now;
    c.state = "open";
    c.statusTokenHash = Secrets.sha256(token);
    return assignee(d.decidedBy).chain(assignee -> {
      c.assignedTo = assignee;
      return Panache.getSession().chain(s -> s.persist(c)).chain(() -> Panache.getSession().chain(s -> s.flush()));
    })
        .chain(() -> {
          if (r.email() == null && r.name() == null) {
            return Uni.createFrom().voidItem();
          }
          ComplaintContact contact = new ComplaintContact();
          contact.complaintId = c.id;
          contact.name = r.name();
          contact.email = r.email();
          return Panache.getSession().chain(s -> s.persist(contact));
        })
        .chain(() -> deadlines.start("complaint", c.id, LegalClocks.COMPLAINT_DECISION, now.plus(clocks.complaintDecision())))
        .chain(() -> audit.change(actor, "complaint.received", c.id.toString(), who.type, null,
            "{\"decision\":\"" + d.id + "\",\"assignedTo\":" + (c.assignedTo == null ? "null" : "\"" + c.assignedTo + "\"") + "}"))
        .map(v -> ComplaintView.of(c, token));
  }

  /** The active moderator with the fewest open complaints who did not take the decision (Art. 20(6): a different person). */
  private Uni<String> assignee(String decidedBy) {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        SELECT u.username FROM app_user u
        WHERE (',' || u.roles || ',') LIKE '%,moderator,%' AND NOT u.disabled AND u.username <> :decider
        ORDER BY (SELECT count(*) FROM complaint c WHERE c.assigned_to = u.username AND c.state = 'open'), u.username LIMIT 1""", String.class)
        .setParameter("decider", decidedBy).getResultList()).map(list -> list.isEmpty() ? null : list.get(0));
  }

  /** Decides a complaint: only a moderator other than the decider, and the assignee when there is one. */
  @WithTransaction
  public Uni<ComplaintView> decide(UUID id, OutcomeRequest o, Actor actor) {
    if (o == null || o.outcome() == null || !OUTCOMES.contains(o.outcome())) {
      return Uni.createFrom().failure(ProblemException.invalid("outcome", "must be upheld, partially_reversed, reversed or omitted"));
    }
    if (o.reason() == null || o.reason().strip().length() < 10 || o.reason().length() > 2000) {
      return Uni.createFrom().failure(ProblemException.invalid("reason", "give the reasons in 10 to 2,000 characters (Art. 20(5))"));
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return Panache.getSession().chain(s -> s.find(Complaint.class, id, LockMode.PESSIMISTIC_WRITE)).chain(c -> {
      if (c == null) {
        return Uni.createFrom().failure(ProblemException.notFound("no complaint " + id));
      }
      if (!"open".equals(c.state)) {
        return Uni.createFrom().failure(ProblemException.conflict("complaint " + id + " is already decided"));
      }
      return decisions.findById(c.decisionId).chain(original -> {
        if (actor.name().equals(original.decidedBy)) {
          return Uni.createFrom().failure(ProblemException.conflict("the moderator who took the decision may not decide the complaint against it"));
        }
        if (c.assignedTo != null && !c.assignedTo.equals(actor.name()) && !"admin".equals(actor.role())) {
          return Uni.createFrom().failure(ProblemException.conflict("complaint " + id + " is assigned to another moderator"));
        }
        return reverse(c, original, o, actor).chain(() -> {
          c.state = "decided";
          c.outcome = o.outcome();
          c.outcomeReason = o.reason().strip();
          c.decidedBy = actor.name();
          c.decidedAt = now;
          c.unfounded = Boolean.TRUE.equals(o.manifestlyUnfounded());
          return deadlines.meet("complaint", c.id, LegalClocks.COMPLAINT_DECISION, now)
              .chain(() -> Panache.getSession().chain(s -> s.find(ComplaintContact.class, c.id)))
              .chain(contact -> contact == null || contact.email == null ? Uni.createFrom().item(0)
                  : outbox.addMail(contact.email, "Decision on your complaint " + c.id, NoticeLetters.complaintOutcome(c, o.outcome(), c.outcomeReason), now))
              .chain(() -> audit.change(actor, "complaint.decided", c.id.toString(), c.outcomeReason, "{\"state\":\"open\"}",
                  "{\"state\":\"decided\",\"outcome\":\"" + o.outcome() + "\"}"))
              .map(v -> ComplaintView.of(c, null));
        });
      });
    });
  }

  /** A reversal is a new decision superseding the original: a restore, or the restriction the complaint showed was due. */
  private Uni<Void> reverse(Complaint c, Decision original, OutcomeRequest o, Actor actor) {
    boolean changes = "reversed".equals(o.outcome()) || "partially_reversed".equals(o.outcome());
    if (!changes) {
      return Uni.createFrom().voidItem();
    }
    return Panache.getSession().chain(s -> s.find(ModerationCase.class, c.caseId)).chain(mc -> {
      if ("reversed".equals(o.outcome()) && original.restricts()) {
        return decisionService.recordComplaintDecision(mc, original, null, c.id, actor);
      }
      if (o.decision() == null) {
        return Uni.createFrom().failure(ProblemException.invalid("decision",
            "partially_reversed, or reversing a decision to take no action, needs the new decision"));
      }
      return decisionService.recordComplaintDecision(mc, original, o.decision(), c.id, actor);
    });
  }

  @WithSession
  public Uni<List<ComplaintView>> list(String state, String assignedTo, int page, int size) {
    String where = "state = :state" + (assignedTo == null ? "" : " and assignedTo = :assignee");
    return Panache.getSession().chain(s -> {
      var hql = s.createQuery("from Complaint where " + where + " order by receivedAt", Complaint.class)
          .setParameter("state", state).setFirstResult(page * size).setMaxResults(size);
      if (assignedTo != null) {
        hql.setParameter("assignee", assignedTo);
      }
      return hql.getResultList();
    }).map(list -> list.stream().map(c -> ComplaintView.of(c, null)).toList());
  }

  /** The complainant's view, for the holder of the status token. */
  @WithSession
  public Uni<ComplaintView> status(UUID id, String token) {
    return Panache.getSession().chain(s -> s.find(Complaint.class, id)).chain(c -> {
      if (c == null || token == null || !Secrets.sameSecret(Secrets.sha256(token), c.statusTokenHash)) {
        return Uni.createFrom().failure(ProblemException.notFound("no complaint " + id + " with this status token"));
      }
      return Uni.createFrom().item(ComplaintView.of(c, null));
    });
  }
}
