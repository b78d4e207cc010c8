package org.modsuite.report.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import org.modsuite.report.config.DsaConfig;
import org.modsuite.report.repository.OutboxRepository;

/**
 * Delivers the mail outbox (receipts, decisions, complaint outcomes). The default mailer writes one RFC 5322 file per
 * message into the mail folder, for a local installation or a mail pick-up directory; the recipient and body are erased
 * from the database once written. At least once: a crash between writing and marking writes the message again.
 */
@ApplicationScoped
public class MailRelay {

  private final OutboxRepository outbox;
  private final Path folder;

  public MailRelay(OutboxRepository outbox, DsaConfig config) {
    this.outbox = outbox;
    this.folder = config.mailFolder();
  }

  @Scheduled(every = "${modsuite.mail.interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void deliver() {
    List<Object[]> mail = Await.result(() -> Panache.withSession(() -> outbox.unsentMail(100)));
    for (Object[] m : mail) {
      long id = ((Number) m[0]).longValue();
      try {
        write(id, (String) m[1], (String) m[2], (String) m[3]);
      } catch (UncheckedIOException e) {
        Log.warnf("mail %d could not be written, will retry: %s", id, e.getMessage());
        return;
      }
      Await.result(() -> Panache.withTransaction(() -> outbox.markSent(id, Instant.now())));
    }
  }

  private void write(long id, String to, String subject, String body) {
    try {
      Files.createDirectories(folder);
      String message = "To: " + to + "\r\nFrom: noreply@modsuite.invalid\r\nSubject: " + subject
          + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + body.replace("\n", "\r\n") + "\r\n";
      Files.writeString(folder.resolve("mail-" + id + ".eml"), message, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
