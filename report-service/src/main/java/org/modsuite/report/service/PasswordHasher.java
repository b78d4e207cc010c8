package org.modsuite.report.service;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * bcrypt (adaptive; cost 12) from Quarkus' Elytron security library. Hashing takes ~0.25 s on purpose, so it runs on
 * a worker thread and the result comes back on the caller's Vert.x context, where its Hibernate Reactive session lives.
 */
@ApplicationScoped
public class PasswordHasher {

  static final int COST = 12;
  /** Compared against when the user does not exist, so that a wrong name takes as long as a wrong password. */
  private static final String DUMMY = BcryptUtil.bcryptHash("not-a-password", COST);

  public Uni<String> hash(String password) {
    return offEventLoop(() -> BcryptUtil.bcryptHash(password, COST));
  }

  /** {@code hash} null (no such user) still costs one bcrypt check. */
  public Uni<Boolean> matches(String password, String hash) {
    return offEventLoop(() -> BcryptUtil.matches(password, hash != null ? hash : DUMMY));
  }

  private static <T> Uni<T> offEventLoop(Supplier<T> work) {
    Context context = Vertx.currentContext();
    return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .emitOn(command -> context.runOnContext(v -> command.run()));
  }
}
