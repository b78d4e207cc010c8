package org.modsuite.report.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import org.modsuite.events.AnalysisEvent;
import org.modsuite.events.Decision;
import org.modsuite.report.ModerationCase;
import org.modsuite.report.config.DsaConfig;
import org.modsuite.report.repository.AnalysisRepository;
import org.modsuite.report.repository.CaseRepository;
import org.modsuite.report.repository.ComplaintRepository;
import org.modsuite.report.repository.DeadlineRepository;
import org.modsuite.report.repository.DecisionRepository;
import org.modsuite.report.repository.NoticeRepository;
import org.modsuite.report.repository.PostRepository;
import org.modsuite.report.repository.ProcessedEventRepository;
import org.modsuite.support.rest.ProblemException;

/** Cases opened from analyses, and the paged case list. */
@ApplicationScoped
public class CaseService {

  static final String CONSUMER = "report-service.analyses";

  private final CaseRepository cases;
  private final AnalysisRepository analyses;
  private final ProcessedEventRepository processed;
  private final DecisionService decisions;
  private final PostRepository posts;
  private final NoticeRepository notices;
  private final DecisionRepository decisionRepository;
  private final DeadlineRepository deadlines;
  private final ComplaintRepository complaints;
  private final AuditService audit;
  private final LegalClocks clocks;
  private final DsaConfig config;
  private final Counter opened;

  public CaseService(CaseRepository cases, AnalysisRepository analyses, ProcessedEventRepository processed, DecisionService decisions,
      AuditService audit, LegalClocks clocks, DsaConfig config, PostRepository posts, NoticeRepository notices, DecisionRepository decisionRepository,
      DeadlineRepository deadlines, ComplaintRepository complaints, MeterRegistry registry) {
    this.complaints = complaints;
    this.cases = cases;
    this.posts = posts;
    this.notices = notices;
    this.decisionRepository = decisionRepository;
    this.deadlines = deadlines;
    this.decisions = decisions;
    this.audit = audit;
    this.clocks = clocks;
    this.config = config;
    this.analyses = analyses;
    this.processed = processed;
    this.opened = registry.counter("modsuite.cases.written", "source", "analysis");
  }

  /**
   * Applies an analysis once: a redelivered event (same id) or a repeated analysis (same post version and analyser
   * versions) changes nothing. review and remove open or update the post's case; allow only updates an existing case.
   */
  @WithTransaction
  public Uni<Void> recordAnalysis(AnalysisEvent analysis) {
    return processed.markProcessed(analysis.eventId(), CONSUMER).chain(isNew -> {
      if (!isNew) {
        Log.debugf("event %s was processed before", analysis.eventId());
        return Uni.createFrom().voidItem();
      }
      return analyses.insert(analysis).chain(stored -> {
        if (!stored) {
          return Uni.createFrom().voidItem();
        }
        if (!analysis.decision().opensCase()) {
          // An allow opens nothing, but a case opened for an earlier version shows the newer analysis.
          return cases.updateFromAnalysis(analysis, Instant.now()).replaceWithVoid();
        }
        return cases.upsertFromAnalysis(analysis, Instant.now()).invoke(rows -> {
          if (rows > 0) {
            opened.increment();
          }
        }).chain(rows -> rows > 0 && analysis.decision() == Decision.REMOVE ? decisions.automatedRemoval(analysis.postUid())
            : Uni.createFrom().voidItem());
      });
    });
  }

  /** The review queue or any other selection of cases, most urgent first: priority, then the earliest deadline. */
  @WithSession
  public Uni<CasePage> listCases(CaseFilter filter, int page, int size) {
    Instant now = Instant.now();
    var where = new ArrayList<String>();
    var params = new HashMap<String, Object>();
    if (filter.state() == null || "queue".equals(filter.state())) {
      where.add("state in ('open', 'auto_actioned')");
    } else if (!"all".equals(filter.state())) {
      where.add("state = :state");
      params.put("state", filter.state());
    }
    if (filter.category() != null) {
      where.add("(topCategory = :category or dsaCategory = :category)");
      params.put("category", filter.category());
    }
    if (filter.language() != null) {
      where.add("language = :language");
      params.put("language", filter.language());
    }
    if (filter.source() != null) {
      where.add("source = :source");
      params.put("source", filter.source());
    }
    if (filter.trustedFlagger() != null) {
      where.add("trustedFlagger = :tf");
      params.put("tf", filter.trustedFlagger());
    }
    if ("breached".equals(filter.deadline())) {
      where.add("decisionDueAt < :now");
      params.put("now", now);
    } else if ("due_soon".equals(filter.deadline())) {
      where.add("decisionDueAt >= :now and decisionDueAt < :soon");
      params.put("now", now);
      params.put("soon", now.plus(clocks.nearBreach()));
    }
    String query = where.isEmpty() ? "" : String.join(" and ", where);
    Sort sort = Sort.descending("priority").and("decisionDueAt", Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_LAST)
        .and("openedAt", Sort.Direction.Ascending).and("id");
    var q = cases.find(query, sort, params).page(Page.of(page, size));
    return q.list().chain(list -> q.count().map(total -> new CasePage(list.stream().map(CaseView::of).toList(), page, size, total)));
  }

  /** Claims a case for the moderator (or renews their claim); someone else's live claim is a conflict. */
  @WithTransaction
  public Uni<CaseView> claim(UUID id, Actor actor) {
    Instant now = Instant.now();
    return cases.claim(id, actor.name(), now, now.plus(config.claimDuration())).chain(claimed -> cases.findById(id).chain(c -> {
      if (c == null) {
        return Uni.createFrom().failure(ProblemException.notFound("no case " + id));
      }
      if (!claimed) {
        return Uni.createFrom().failure(ProblemException.conflict("decided".equals(c.getState()) ? "case " + id + " is already decided"
            : "case " + id + " is claimed by another moderator until " + c.getClaimExpiresAt()));
      }
      // Loaded after the update in this session, so it shows the new claim.
      return audit.change(actor, "case.claimed", id.toString(), null, null, null).replaceWith(CaseView.of(c));
    }));
  }

  @WithTransaction
  public Uni<Void> release(UUID id, Actor actor) {
    return cases.release(id, actor.name()).chain(released -> released
        ? audit.change(actor, "case.released", id.toString(), null, null, null)
        : cases.findById(id).chain(c -> Uni.createFrom().failure(c == null ? ProblemException.notFound("no case " + id)
            : ProblemException.conflict("you hold no claim on case " + id))));
  }


  /** The case with its post, notices, decisions, clocks and history. */
  @WithSession
  public Uni<CaseDetail> detail(UUID id) {
    return cases.findById(id).chain(c -> {
      if (c == null) {
        return Uni.createFrom().failure(ProblemException.notFound("no case " + id));
      }
      return posts.findById(c.getPostUid()).chain(post -> notices.onCase(id).chain(ns -> decisionRepository.ofCase(id).chain(ds -> {
        Uni<List<CaseDetail.Clock>> clocksOfNotices = Uni.createFrom().item(new ArrayList<CaseDetail.Clock>());
        for (var n : ns) {
          clocksOfNotices = clocksOfNotices.chain(acc -> deadlines.of("notice", n.id).map(rows -> {
            rows.forEach(r -> acc.add(new CaseDetail.Clock("notice", n.id, (String) r[0], instant(r[1]), instant(r[2]))));
            return acc;
          }));
        }
        Uni<List<DecisionView>> byAuthor = post == null || post.authorId == null ? Uni.createFrom().item(List.of())
            : decisionRepository.ofAuthor(post.authorId, c.getPostUid(), 20).map(list -> list.stream().map(d -> DecisionView.of(d, null, null)).toList());
        return clocksOfNotices.chain(clockList -> byAuthor.chain(authorDecisions -> complaints.ofCase(id).chain(cs -> equivalentCase(c)
            .chain(equivalentCaseId -> audit.page(0, 100, id.toString()).map(history -> new CaseDetail(CaseView.of(c), CaseDetail.PostView.of(post),
                ns.stream().map(CaseDetail.NoticeSummary::of).toList(), ds.stream().map(d -> DecisionView.of(d, null, null)).toList(),
                cs.stream().map(k -> ComplaintView.of(k, null)).toList(), authorDecisions, equivalentCaseId, clockList, history))))));
      })));
    });
  }

  /** The case of the earlier removal this item was found equivalent to, when the decision id is one of ours. */
  private Uni<UUID> equivalentCase(ModerationCase c) {
    try {
      return c.getEquivalentTo() == null ? Uni.createFrom().nullItem()
          : decisionRepository.findById(UUID.fromString(c.getEquivalentTo())).map(d -> d == null ? null : d.caseId);
    } catch (IllegalArgumentException e) {
      return Uni.createFrom().nullItem();
    }
  }

  private static Instant instant(Object o) {
    return o == null ? null : o instanceof OffsetDateTime t ? t.toInstant() : (Instant) o;
  }
}
