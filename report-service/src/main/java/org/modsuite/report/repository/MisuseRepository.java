package org.modsuite.report.repository;

import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Art. 23 warnings and suspensions. */
@ApplicationScoped
public class MisuseRepository {

  /** The end of the subject's active suspension, or null. */
  public Uni<Instant> suspendedUntil(String subjectKind, String subject, Instant now) {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        SELECT max(until) FROM misuse_measure WHERE subject_kind = :kind AND subject = :subject AND measure = 'suspension' AND until > :now""",
        OffsetDateTime.class)
        .setParameter("kind", subjectKind).setParameter("subject", subject).setParameter("now", now).getSingleResult())
        .map(t -> t == null ? null : t.toInstant());
  }
}
