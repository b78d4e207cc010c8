package org.modsuite.report.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import org.modsuite.events.EventJson;
import org.modsuite.report.Notice;
import org.modsuite.report.NoticeContact;
import org.modsuite.report.NoticeItem;
import org.modsuite.report.TrustedFlagger;
import org.modsuite.report.config.DsaConfig;
import org.modsuite.report.repository.CaseRepository;
import org.modsuite.report.repository.DeadlineRepository;
import org.modsuite.report.repository.MisuseRepository;
import org.modsuite.report.repository.NoticeRepository;
import org.modsuite.report.repository.OutboxRepository;
import org.modsuite.report.repository.PostRepository;
import org.modsuite.report.repository.TrustedFlaggerRepository;
import org.modsuite.support.rest.ProblemException;

/** Art. 16 notice intake: validation, trusted-flagger priority, case opening or merging, receipt, clocks; one transaction. */
@ApplicationScoped
public class NoticeService {

  public static final String SOURCE_ARTICLE_16 = "SOURCE_ARTICLE_16";
  public static final String SOURCE_TRUSTED_FLAGGER = "SOURCE_TRUSTED_FLAGGER";

  private final NoticeRepository notices;
  private final CaseRepository cases;
  private final PostRepository posts;
  private final TrustedFlaggerRepository flaggers;
  private final MisuseRepository misuse;
  private final DeadlineRepository deadlines;
  private final OutboxRepository outbox;
  private final AuditService audit;
  private final LegalClocks clocks;
  private final DsaConfig config;
  private final MeterRegistry registry;

  public NoticeService(NoticeRepository notices, CaseRepository cases, PostRepository posts, TrustedFlaggerRepository flaggers, MisuseRepository misuse,
      DeadlineRepository deadlines, OutboxRepository outbox, AuditService audit, LegalClocks clocks, DsaConfig config, MeterRegistry registry) {
    this.notices = notices;
    this.cases = cases;
    this.posts = posts;
    this.flaggers = flaggers;
    this.misuse = misuse;
    this.deadlines = deadlines;
    this.outbox = outbox;
    this.audit = audit;
    this.clocks = clocks;
    this.config = config;
    this.registry = registry;
  }

  /** Takes a notice. {@code organisation} is the submitter's org claim (null for the public). */
  @WithTransaction
  public Uni<NoticeReceipt> submit(NoticeRequest request, Actor actor, String organisation) {
    var errors = NoticeValidator.validate(request);
    if (!errors.isEmpty()) {
      return Uni.createFrom().failure(ProblemException.invalid(errors));
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Uni<TrustedFlagger> flagger = organisation == null ? Uni.createFrom().nullItem() : flaggers.findActive(organisation);
    return flagger.chain(tf -> {
      String subject = tf != null ? tf.organisation : request.notifierEmail() == null ? null : Secrets.sha256(request.notifierEmail().strip().toLowerCase(Locale.ROOT));
      Uni<Instant> suspended = subject == null ? Uni.createFrom().nullItem() : misuse.suspendedUntil("notifier", subject, now);
      return suspended.chain(until -> {
        if (until != null) {
          return Uni.createFrom().failure(ProblemException.unprocessable(
              "the processing of notices from this notifier is suspended until " + until + " for manifestly unfounded notices (DSA Art. 23(2))"));
        }
        return store(request, actor, tf, now);
      });
    });
  }

  private Uni<NoticeReceipt> store(NoticeRequest request, Actor actor, TrustedFlagger tf, Instant now) {
    String token = Secrets.random(24);
    Notice notice = new Notice();
    notice.id = UUID.randomUUID();
    notice.receivedAt = now;
    notice.state = "received";
    notice.category = request.category();
    notice.keywords = EventJson.write(request.keywords() == null ? List.of() : request.keywords());
    notice.explanation = request.explanation().strip();
    notice.goodFaith = true;
    notice.sourceType = tf != null ? SOURCE_TRUSTED_FLAGGER : SOURCE_ARTICLE_16;
    notice.trustedFlaggerId = tf == null ? null : tf.id;
    notice.submittedBy = "public".equals(actor.name()) ? null : actor.name();
    notice.statusTokenHash = Secrets.sha256(token);
    notice.language = request.language() == null ? "en" : request.language();
    boolean inExpertise = tf != null && tf.expertise.contains("\"" + request.category() + "\"");
    List<NoticeReceipt.Item> receiptItems = new ArrayList<>();

    Uni<Void> chain = Panache.getSession().chain(s -> s.persist(notice));
    Instant due = now.plus(clocks.noticeDecision(inExpertise, false));
    Instant manifestDue = now.plus(clocks.noticeDecision(inExpertise, true));
    int priority = CasePriority.ofNotice(inExpertise, tf != null);
    for (int i = 0; i < request.items().size(); i++) {
      int position = i;
      NoticeRequest.Item item = request.items().get(i);
      chain = chain.chain(() -> resolvePostUid(item))
          .chain(postUid -> cases.openFromNotice(postUid, request.category(), tf != null, priority, due, manifestDue, now).chain(merged -> {
            NoticeItem row = new NoticeItem();
            row.id = UUID.randomUUID();
            row.noticeId = notice.id;
            row.position = position;
            row.postUid = postUid;
            row.url = item.url() == null ? null : item.url().strip();
            row.caseId = merged.caseId();
            row.duplicate = merged.duplicate();
            receiptItems.add(new NoticeReceipt.Item(postUid, merged.caseId(), merged.duplicate()));
            return Panache.getSession().chain(s -> s.persist(row));
          }));
    }
    Instant decisionDue = due;
    boolean hasEmail = !NoticeValidator.blank(request.notifierEmail());
    String statusUrl = config.publicUrl() + "/notices/" + notice.id + "/status?token=" + token;
    return chain
        .chain(() -> storeContact(notice.id, request))
        // The receipt is confirmed at once: in the answer, and by mail where there is an address (Art. 16(4)).
        .chain(() -> deadlines.start("notice", notice.id, LegalClocks.RECEIPT, now.plus(clocks.noticeReceipt()), now))
        .chain(() -> deadlines.start("notice", notice.id, LegalClocks.DECISION, decisionDue))
        .chain(() -> hasEmail
            ? outbox.addMail(request.notifierEmail().strip(), "Your notice " + notice.id + " was received", NoticeLetters.receipt(notice, statusUrl), now)
            : Uni.createFrom().item(0))
        .chain(() -> audit.change(actor, "notice.received", notice.id.toString(), notice.sourceType,
            null, "{\"items\":" + receiptItems.size() + ",\"category\":\"" + notice.category + "\"}"))
        .invoke(() -> registry.counter("modsuite.notices.received", "source", notice.sourceType).increment())
        .map(v -> new NoticeReceipt(notice.id, now, notice.sourceType, statusUrl, token, decisionDue, List.copyOf(receiptItems)));
  }

  /** The postUid of a notice item: given, or looked up by URL among ingested posts, or the URL itself for content we never saw. */
  private Uni<String> resolvePostUid(NoticeRequest.Item item) {
    if (!NoticeValidator.blank(item.postUid())) {
      return Uni.createFrom().item(item.postUid().strip());
    }
    String url = item.url().strip();
    return posts.findByUrl(url).map(p -> p != null ? p.postUid : "url:" + url);
  }

  private Uni<Void> storeContact(UUID noticeId, NoticeRequest request) {
    if (NoticeValidator.blank(request.notifierName()) && NoticeValidator.blank(request.notifierEmail())) {
      return Uni.createFrom().voidItem();
    }
    NoticeContact contact = new NoticeContact();
    contact.noticeId = noticeId;
    contact.name = NoticeValidator.blank(request.notifierName()) ? null : request.notifierName().strip();
    contact.email = NoticeValidator.blank(request.notifierEmail()) ? null : request.notifierEmail().strip();
    return Panache.getSession().chain(s -> s.persist(contact));
  }

  @WithSession
  public Uni<List<CaseDetail.NoticeSummary>> page(String organisation, int page, int size) {
    return notices.page(organisation, page, size).map(list -> list.stream().map(CaseDetail.NoticeSummary::of).toList());
  }

  /** The notifier's view of a notice, for the holder of its status token. */
  @WithSession
  public Uni<NoticeStatus> status(UUID id, String token) {
    return notices.findById(id).chain(n -> {
      if (n == null || token == null || !Secrets.sameSecret(Secrets.sha256(token), n.statusTokenHash)) {
        return Uni.createFrom().failure(ProblemException.notFound("no notice " + id + " with this status token"));
      }
      return notices.items(id).map(items -> NoticeStatus.of(n, items, config.publicUrl(), clocks.complaintWindow()));
    });
  }
}
