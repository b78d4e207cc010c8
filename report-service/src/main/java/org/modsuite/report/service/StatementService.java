package org.modsuite.report.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import org.modsuite.report.StatementRecord;
import org.modsuite.report.repository.StatementRepository;
import org.modsuite.support.rest.ProblemException;

/** Reading statements of reasons, their submission state, the batch export, and putting a rejected one back in line. */
@ApplicationScoped
public class StatementService {

  /** Statements read per query by the export; memory stays at one page whatever the range. */
  static final int EXPORT_PAGE = 200;
  // PostgreSQL orders uuids as unsigned bytes: the nil uuid comes first.
  private static final UUID LOWEST_ID = new UUID(0, 0);

  private final StatementRepository statements;
  private final AuditService audit;

  public StatementService(StatementRepository statements, AuditService audit) {
    this.statements = statements;
    this.audit = audit;
  }

  @WithSession
  public Uni<StatementPage> list(String state, int page, int size) {
    return statements.page(state, page, size).chain(list -> statements.count(state)
        .map(total -> new StatementPage(list.stream().map(r -> StatementView.of(r, false)).toList(), page, size, total)));
  }

  @WithSession
  public Uni<StatementView> get(String puid) {
    return statements.byPuid(puid).map(r -> {
      if (r == null) {
        throw ProblemException.notFound("no statement of reasons with PUID " + puid);
      }
      return StatementView.of(r, true);
    });
  }

  /** A rejected statement goes back to pending, due at once (after the cause was fixed on the database's side). */
  @WithTransaction
  public Uni<StatementView> retry(String puid, Actor actor) {
    return statements.retry(puid, Instant.now().truncatedTo(ChronoUnit.MICROS)).chain(updated -> statements.byPuid(puid).chain(r -> {
      if (r == null) {
        return Uni.createFrom().failure(ProblemException.notFound("no statement of reasons with PUID " + puid));
      }
      if (updated == 0) {
        return Uni.createFrom().failure(ProblemException.conflict("statement " + puid + " is " + r.state + "; only a rejected one can be retried"));
      }
      return audit.change(actor, "statement.retry", puid, null, "{\"state\":\"rejected\"}", "{\"state\":\"pending\"}")
          .replaceWith(StatementView.of(r, false));
    }));
  }

  /**
   * Writes {@code {"statements":[…]}}, the stored bodies of the statements created in [{@code from}, {@code to}), by
   * creation time, exactly as the batch endpoint takes them. Pages through with a keyset cursor; blocking.
   */
  public void writeBatchBody(Instant from, Instant to, OutputStream out) {
    writeBatchBody(from, to, out, EXPORT_PAGE);
  }

  /** As {@link #writeBatchBody(Instant, Instant, OutputStream)}, reading {@code pageSize} statements per query. */
  public void writeBatchBody(Instant from, Instant to, OutputStream out, int pageSize) {
    try {
      out.write("{\"statements\":[".getBytes(StandardCharsets.UTF_8));
      Instant afterCreatedAt = from;
      UUID afterId = LOWEST_ID;
      boolean first = true;
      while (true) {
        Instant cursorAt = afterCreatedAt;
        UUID cursorId = afterId;
        List<StatementRecord> page = Await.result(() -> Panache.withSession(() -> statements.createdBetween(from, to, cursorAt, cursorId, pageSize)));
        for (StatementRecord r : page) {
          if (!first) {
            out.write(',');
          }
          out.write(r.body.getBytes(StandardCharsets.UTF_8));
          first = false;
        }
        if (page.size() < pageSize) {
          break;
        }
        StatementRecord last = page.get(page.size() - 1);
        afterCreatedAt = last.createdAt;
        afterId = last.id;
        out.flush();
      }
      out.write("]}".getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
