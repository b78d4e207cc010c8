package org.modsuite.ingestion.service;

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

  static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
