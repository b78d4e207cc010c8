package org.modsuite.report.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import org.modsuite.events.EventJson;
import org.modsuite.report.TrustedFlagger;
import org.modsuite.report.dsa.SorSchema;
import org.modsuite.report.repository.TrustedFlaggerRepository;
import org.modsuite.support.rest.Problem.FieldError;
import org.modsuite.support.rest.ProblemException;

/** The trusted-flagger register (Art. 22) and each flagger's figures. */
@ApplicationScoped
public class TrustedFlaggerService {

  private final TrustedFlaggerRepository flaggers;
  private final AuditService audit;

  public TrustedFlaggerService(TrustedFlaggerRepository flaggers, AuditService audit) {
    this.flaggers = flaggers;
    this.audit = audit;
  }

  /** A register entry with its statistics: notices, decided, share upheld (restricted), median hours to decision. */
  public record View(UUID id, String organisation, String name, String coordinator, List<String> expertise, String contactEmail,
      LocalDate designatedAt, boolean active, long notices, long decided, Double shareUpheld, Double medianHoursToDecision) {
  }

  @WithTransaction
  public Uni<View> register(TrustedFlaggerRequest r, Actor actor) {
    List<FieldError> errors = validate(r);
    if (!errors.isEmpty()) {
      return Uni.createFrom().failure(ProblemException.invalid(errors));
    }
    return flaggers.find("organisation", r.organisation()).firstResult().chain(existing -> {
      if (existing != null) {
        return Uni.createFrom().failure(ProblemException.conflict("organisation " + r.organisation() + " is already registered"));
      }
      TrustedFlagger f = new TrustedFlagger();
      f.id = UUID.randomUUID();
      f.organisation = r.organisation().strip();
      f.name = r.name().strip();
      f.coordinator = r.coordinator().strip();
      f.expertise = EventJson.write(r.expertise());
      f.contactEmail = r.contactEmail();
      f.designatedAt = r.designatedAt();
      f.active = r.active() == null || r.active();
      f.createdAt = Instant.now();
      return flaggers.persist(f).call(() -> audit.change(actor, "trusted_flagger.registered", f.id.toString(), null, null,
          "{\"organisation\":\"" + f.organisation + "\",\"active\":" + f.active + "}")).chain(this::view);
    });
  }

  /** Activates or withdraws the status (for example when the coordinator revokes it, Art. 22(4)). */
  @WithTransaction
  public Uni<View> setActive(UUID id, boolean active, Actor actor) {
    return flaggers.findById(id).chain(f -> {
      if (f == null) {
        return Uni.createFrom().failure(ProblemException.notFound("no trusted flagger " + id));
      }
      boolean before = f.active;
      f.active = active;
      return audit.change(actor, "trusted_flagger.status", id.toString(), null, "{\"active\":" + before + "}", "{\"active\":" + active + "}")
          .chain(() -> view(f));
    });
  }

  /**
   * Changes an entry: name, coordinator, expertise, contact, designation date and status. The organisation is the key
   * the users' org claim refers to and stays; a different one in the request is a 400.
   */
  @WithTransaction
  public Uni<View> update(UUID id, TrustedFlaggerRequest r, Actor actor) {
    return flaggers.findById(id).chain(f -> {
      if (f == null) {
        return Uni.createFrom().failure(ProblemException.notFound("no trusted flagger " + id));
      }
      List<FieldError> errors = validate(r);
      if (errors.isEmpty() && !f.organisation.equals(r.organisation().strip())) {
        errors = List.of(new FieldError("organisation", "cannot be changed (users and API keys name it); register a new entry instead"));
      }
      if (!errors.isEmpty()) {
        return Uni.createFrom().failure(ProblemException.invalid(errors));
      }
      String before = summary(f);
      f.name = r.name().strip();
      f.coordinator = r.coordinator().strip();
      f.expertise = EventJson.write(r.expertise());
      f.contactEmail = r.contactEmail() == null || r.contactEmail().isBlank() ? null : r.contactEmail().strip();
      f.designatedAt = r.designatedAt();
      f.active = r.active() == null ? f.active : r.active();
      // The audit entry names what changed, not the contact address.
      return audit.change(actor, "trusted_flagger.changed", id.toString(), null, before, summary(f)).chain(() -> view(f));
    });
  }

  /** One entry with its figures. */
  @WithSession
  public Uni<View> find(UUID id) {
    return flaggers.findById(id).chain(f -> f == null ? Uni.createFrom().failure(ProblemException.notFound("no trusted flagger " + id)) : view(f));
  }

  private static String summary(TrustedFlagger f) {
    // Sorted keys: the same change always reads the same in the audit log.
    return EventJson.write(new TreeMap<>(Map.of("name", f.name, "coordinator", f.coordinator, "expertise", StatementFactory.list(f.expertise),
        "designatedAt", String.valueOf(f.designatedAt), "active", f.active, "contact", f.contactEmail != null)));
  }

  @WithSession
  public Uni<List<View>> list() {
    return flaggers.listAll().chain(all -> {
      Uni<List<View>> acc = Uni.createFrom().item(new ArrayList<>());
      for (TrustedFlagger f : all) {
        acc = acc.chain(list -> view(f).map(v -> {
          list.add(v);
          return list;
        }));
      }
      return acc;
    });
  }

  private Uni<View> view(TrustedFlagger f) {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        SELECT count(*), count(decided_at), avg(CASE WHEN outcome = 'restricted' THEN 1.0 WHEN outcome IS NOT NULL THEN 0.0 END),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - received_at) / 3600)
        FROM notice WHERE trusted_flagger_id = :id""", Object[].class).setParameter("id", f.id).getSingleResult())
        .map(r -> new View(f.id, f.organisation, f.name, f.coordinator, StatementFactory.list(f.expertise), f.contactEmail, f.designatedAt, f.active,
            ((Number) r[0]).longValue(), ((Number) r[1]).longValue(), r[2] == null ? null : ((Number) r[2]).doubleValue(),
            r[3] == null ? null : ((Number) r[3]).doubleValue()));
  }

  private static List<FieldError> validate(TrustedFlaggerRequest r) {
    List<FieldError> errors = new ArrayList<>();
    if (r == null) {
      return List.of(new FieldError("body", "a register entry is required"));
    }
    if (r.organisation() == null || !r.organisation().strip().matches("[A-Za-z0-9._-]{2,100}")) {
      errors.add(new FieldError("organisation", "2 to 100 letters, digits, dots, dashes or underscores (the users' org claim)"));
    }
    if (r.name() == null || r.name().isBlank()) {
      errors.add(new FieldError("name", "is required"));
    }
    if (r.coordinator() == null || r.coordinator().isBlank()) {
      errors.add(new FieldError("coordinator", "name the Digital Services Coordinator that awarded the status"));
    }
    if (r.expertise() == null || r.expertise().isEmpty()) {
      errors.add(new FieldError("expertise", "name at least one STATEMENT_CATEGORY_* key"));
    } else {
      for (int i = 0; i < r.expertise().size(); i++) {
        if (!SorSchema.CATEGORIES.contains(r.expertise().get(i))) {
          errors.add(new FieldError("expertise[" + i + "]", "unknown category " + r.expertise().get(i)));
        }
      }
    }
    if (r.contactEmail() != null && !r.contactEmail().isBlank() && !r.contactEmail().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      errors.add(new FieldError("contactEmail", "an e-mail address such as reports@ngo.example"));
    }
    if (r.designatedAt() == null || r.designatedAt().isAfter(LocalDate.now())) {
      errors.add(new FieldError("designatedAt", "the date of designation, not in the future"));
    }
    return errors;
  }
}
