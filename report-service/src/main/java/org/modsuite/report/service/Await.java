package org.modsuite.report.service;

import java.util.function.Supplier;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** Runs reactive (Hibernate Reactive) work from a blocking thread, such as a scheduled job or a streamed response. */
public final class Await {

  private Await() {
  }

  /** Subscribes on a Vert.x context and waits for the item; failures are rethrown unchecked. */
  public static <T> T result(Supplier<Uni<T>> work) {
    try {
      return VertxContextSupport.subscribeAndAwait(work);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
