package org.modsuite.ingestion.service;

import java.util.concurrent.ExecutorService;

/** Threads of the streaming sessions (Jetstream, Mastodon streaming): daemons, and sleeps that keep the interrupt. */
final class StreamThreads {

  private StreamThreads() {
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops a session: interrupts its reader (which unblocks a read of the stream), waits up to 5 s for it to end,
   * then stops the HTTP client's threads.
   */
  static void stop(Thread reader, ExecutorService httpThreads) {
    reader.interrupt();
    try {
      reader.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    httpThreads.shutdownNow();
  }

  static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
