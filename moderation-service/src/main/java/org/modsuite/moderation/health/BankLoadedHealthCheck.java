package org.modsuite.moderation.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.modsuite.moderation.repository.BankRepository;

/** Ready once moderation.bank has been read to its end, and while this replica still follows it. */
@Readiness
@ApplicationScoped
public class BankLoadedHealthCheck implements HealthCheck {

  private final BankRepository bank;

  public BankLoadedHealthCheck(BankRepository bank) {
    this.bank = bank;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("equivalent-content-bank").status(bank.isFollowing()).withData("removedPosts", bank.size()).build();
  }
}
