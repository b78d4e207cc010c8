package org.modsuite.report.service;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import org.modsuite.support.rest.Problem.FieldError;
import org.modsuite.support.rest.ProblemException;

/**
 * Art. 23 protection against misuse: the figures the law asks to weigh (absolute numbers in a period and their share,
 * 23(3)) for notifiers, complainants and uploaders, and warnings and time-limited suspensions, each with its reasons.
 * A suspension needs a prior warning for the same subject and reason.
 */
@ApplicationScoped
public class MisuseService {

  static final Set<String> KINDS = Set.of("uploader", "notifier", "complainant");
  static final Set<String> REASONS = Set.of("manifestly_illegal_content", "manifestly_unfounded_notices", "manifestly_unfounded_complaints");
  /** A warning counts for a suspension for this long. */
  static final Duration WARNING_VALID = Duration.ofDays(365);

  private final AuditService audit;

  public MisuseService(AuditService audit) {
    this.audit = audit;
  }

  /** A subject whose figures in the period reach the thresholds. */
  public record Candidate(String subjectKind, String subject, String reason, long total, long misuse, double share) {
  }

  /** A measure taken (Art. 23(1)-(2)). */
  public record MeasureRequest(String subjectKind, String subject, String reason, String measure, String explanation, Integer days) {
  }

  public record Measure(UUID id, String subjectKind, String subject, String reason, String measure, String explanation, String decidedBy,
      Instant decidedAt, Instant until) {
  }

  @WithSession
  public Uni<List<Candidate>> candidates(int days, int minCount, double minShare) {
    Instant since = Instant.now().minus(Duration.ofDays(days));
    String sql = """
        SELECT 'notifier', coalesce(f.organisation, encode(sha256(convert_to(lower(trim(c.email)), 'UTF8')), 'hex')), 'manifestly_unfounded_notices',
               count(*), count(*) FILTER (WHERE n.unfounded)
        FROM notice n LEFT JOIN trusted_flagger f ON f.id = n.trusted_flagger_id LEFT JOIN notice_contact c ON c.notice_id = n.id
        WHERE n.received_at >= :since AND (f.id IS NOT NULL OR c.email IS NOT NULL) GROUP BY 2
        UNION ALL
        SELECT 'complainant', encode(sha256(convert_to(lower(trim(cc.email)), 'UTF8')), 'hex'), 'manifestly_unfounded_complaints',
               count(*), count(*) FILTER (WHERE k.unfounded)
        FROM complaint k JOIN complaint_contact cc ON cc.complaint_id = k.id
        WHERE k.received_at >= :since AND cc.email IS NOT NULL GROUP BY 2
        UNION ALL
        SELECT 'uploader', p.author_id, 'manifestly_illegal_content', count(DISTINCT p.post_uid),
               count(DISTINCT p.post_uid) FILTER (WHERE d.decision_ground = 'DECISION_GROUND_ILLEGAL_CONTENT' AND d.action NOT IN ('no_action', 'restore'))
        FROM post p LEFT JOIN decision d ON d.post_uid = p.post_uid
        WHERE p.received_at >= :since AND p.author_id IS NOT NULL GROUP BY 2""";
    return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class).setParameter("since", since).getResultList())
        .map(rows -> rows.stream().map(r -> {
          long total = ((Number) r[3]).longValue();
          long misuse = ((Number) r[4]).longValue();
          return new Candidate((String) r[0], (String) r[1], (String) r[2], total, misuse, total == 0 ? 0 : (double) misuse / total);
        }).filter(c -> c.misuse() >= minCount && c.share() >= minShare).toList());
  }

  @WithTransaction
  public Uni<Measure> take(MeasureRequest r, Actor actor) {
    List<FieldError> errors = new ArrayList<>();
    if (r == null || r.subjectKind() == null || !KINDS.contains(r.subjectKind())) {
      errors.add(new FieldError("subjectKind", "must be uploader, notifier or complainant"));
    }
    if (r == null || r.subject() == null || r.subject().isBlank()) {
      errors.add(new FieldError("subject", "the pseudonymised author id, the organisation, or the hashed e-mail address from the candidates"));
    }
    if (r == null || r.reason() == null || !REASONS.contains(r.reason())) {
      errors.add(new FieldError("reason", "must be " + String.join(", ", REASONS)));
    }
    if (r == null || !"warning".equals(r.measure()) && !"suspension".equals(r.measure())) {
      errors.add(new FieldError("measure", "must be warning or suspension"));
    }
    if (r == null || r.explanation() == null || r.explanation().strip().length() < 10) {
      errors.add(new FieldError("explanation", "give the reasons (absolute numbers, share, gravity, intention; Art. 23(3))"));
    }
    if (r != null && "suspension".equals(r.measure()) && (r.days() == null || r.days() < 1 || r.days() > 365)) {
      errors.add(new FieldError("days", "a suspension lasts a reasonable period: 1 to 365 days"));
    }
    if (!errors.isEmpty()) {
      return Uni.createFrom().failure(ProblemException.invalid(errors));
    }
    Instant now = Instant.now();
    Uni<Boolean> warned = "suspension".equals(r.measure())
        ? Panache.getSession().chain(s -> s.createNativeQuery("""
            SELECT count(*) FROM misuse_measure WHERE subject_kind = :kind AND subject = :subject AND reason = :reason AND measure = 'warning'
              AND decided_at >= :since""", Long.class).setParameter("kind", r.subjectKind()).setParameter("subject", r.subject())
            .setParameter("reason", r.reason()).setParameter("since", now.minus(WARNING_VALID)).getSingleResult()).map(n -> n > 0)
        : Uni.createFrom().item(true);
    return warned.chain(ok -> {
      if (!ok) {
        return Uni.createFrom().failure(ProblemException.conflict("a suspension needs a prior warning for the same reason (DSA Art. 23(1)-(2))"));
      }
      Measure m = new Measure(UUID.randomUUID(), r.subjectKind(), r.subject().strip(), r.reason(), r.measure(), r.explanation().strip(),
          actor.name(), now, "suspension".equals(r.measure()) ? now.plus(Duration.ofDays(r.days())) : null);
      return Panache.getSession().chain(s -> s.createNativeQuery("""
          INSERT INTO misuse_measure (id, subject_kind, subject, reason, measure, explanation, decided_by, decided_at, until)
          VALUES (:id, :kind, :subject, :reason, :measure, :explanation, :by, :at, :until)""")
          .setParameter("id", m.id()).setParameter("kind", m.subjectKind()).setParameter("subject", m.subject()).setParameter("reason", m.reason())
          .setParameter("measure", m.measure()).setParameter("explanation", m.explanation()).setParameter("by", m.decidedBy())
          .setParameter("at", m.decidedAt()).setParameter("until", m.until()).executeUpdate())
          .chain(() -> audit.change(actor, "misuse." + m.measure(), m.id().toString(), m.explanation(), null,
              "{\"subjectKind\":\"" + m.subjectKind() + "\",\"reason\":\"" + m.reason() + "\",\"until\":" + (m.until() == null ? "null" : "\"" + m.until() + "\"") + "}"))
          .replaceWith(m);
    });
  }

  @WithSession
  public Uni<List<Measure>> measures(int page, int size) {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        SELECT id, subject_kind, subject, reason, measure, explanation, decided_by, decided_at, until FROM misuse_measure
        ORDER BY decided_at DESC OFFSET :offset LIMIT :size""", Object[].class).setParameter("offset", page * size).setParameter("size", size)
        .getResultList()).map(rows -> rows.stream().map(r -> new Measure((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
            (String) r[5], (String) r[6], ((OffsetDateTime) r[7]).toInstant(), r[8] == null ? null : ((OffsetDateTime) r[8]).toInstant())).toList());
  }
}
