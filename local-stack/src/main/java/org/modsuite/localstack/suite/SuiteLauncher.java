package org.modsuite.localstack.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.modsuite.localstack.LocalStack;
import org.modsuite.localstack.Ports;
import org.modsuite.localstack.ProjectRoot;
import org.modsuite.localstack.StartFailedException;
import org.modsuite.localstack.TestTokens;

/** ./run: local-stack, then the three services, each in a process of its own; Ctrl-C stops them all. */
public final class SuiteLauncher {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  private final LaunchOptions options;
  private final List<ServiceProcess> services = new ArrayList<>();
  private final List<ServiceSupervisor> supervisors = new ArrayList<>();
  private LocalStack stack;
  private volatile boolean stopping;
  private final List<String> createdSecrets = new ArrayList<>();

  private SuiteLauncher(LaunchOptions options) {
    this.options = options;
  }

  public static void main(String[] args) {
    LaunchOptions options;
    try {
      options = LaunchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("run: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.print(LaunchOptions.USAGE);
      return;
    }
    SuiteLauncher launcher = new SuiteLauncher(options);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      launcher.stop();
      stopped.countDown();
    }, "suite-stop"));
    try {
      launcher.start();
    } catch (StartFailedException | IOException e) {
      if (!launcher.stopping) { // errors caused by Ctrl-C during start-up need no message
        System.err.println("\nrun: " + e.getMessage());
        System.exit(1);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.exit(1);
    }
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void start() throws IOException, InterruptedException {
    long started = System.nanoTime();
    System.out.println("Starting local-stack (Kafka, PostgreSQL) in " + options.dataDir() + " ...");
    stack = new LocalStack(options.stackSettings()).start();
    System.out.printf("  Kafka       %s%n  PostgreSQL  %s%n", stack.bootstrapServers(), stack.jdbcUrl());
    Path root = ProjectRoot.find();
    Path logs = options.stackSettings().logDir();
    String adminPassword = secret("MODSUITE_ADMIN_PASSWORD", "admin-password");
    Map<String, String> suiteEnv = new HashMap<>(stack.serviceEnvironment());
    suiteEnv.put("MODSUITE_INGESTION_PSEUDONYM_KEY", secret("MODSUITE_INGESTION_PSEUDONYM_KEY", "pseudonym-key"));
    suiteEnv.put("MODSUITE_INGESTION_SECRET_KEY", secret("MODSUITE_INGESTION_SECRET_KEY", "ingestion-secret-key"));
    suiteEnv.put("MODSUITE_ADMIN_PASSWORD", adminPassword);
    // report-service's mail to notifiers and complainants, as .eml files beside the data (no SMTP in the local suite).
    suiteEnv.putIfAbsent("MODSUITE_DSA_MAIL_FOLDER", options.dataDir().resolve("mail").toString());
    suiteEnv.put("MODSUITE_DSA_PUBLIC_URL", "http://" + Ports.HOST + ":" + options.reportPort());
    // report-service's dashboard reads the sources overview from ingestion-service.
    suiteEnv.put("MODSUITE_DASHBOARD_INGESTION_URL", "http://" + Ports.HOST + ":" + options.ingestionPort());
    // ... and the rules and policy page from moderation-service.
    suiteEnv.put("MODSUITE_DASHBOARD_MODERATION_URL", "http://" + Ports.HOST + ":" + options.moderationPort());
    suiteEnv.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "http://" + Ports.HOST + ":" + options.reportPort() + "/.well-known/jwks.json");
    // The browser origins of the dashboard as this run serves it, on whatever --report-port says (the services' default
    // is the default port's); an origin configured in the environment wins.
    if (System.getenv("MODSUITE_CORS_ORIGINS") == null || System.getenv("MODSUITE_CORS_ORIGINS").isBlank()) {
      suiteEnv.put("MODSUITE_CORS_ORIGINS", corsOrigins(options.reportPort()));
    }
    if (options.moderationBenchmark() > 0 && !options.services().contains("report")) {
      // No report-service to issue tokens: moderation verifies the launcher's own test key set instead.
      suiteEnv.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestTokens.jwksFile().toString());
    }
    for (String service : options.services()) {
      String module = service + "-service";
      services.add(new ServiceProcess(module, root.resolve(module).resolve("target").resolve("quarkus-app"), port(service), suiteEnv,
          logs.resolve(module + ".log")).start());
    }
    for (ServiceProcess service : services) {
      service.awaitReady(READY_TIMEOUT);
    }
    supervise();
    System.out.printf("%nModSuite is ready after %.1f s. Logs: %s%n", (System.nanoTime() - started) / 1e9, logs);
    for (ServiceProcess service : services) {
      System.out.printf("  %-20s %s  (API docs %s/q/swagger-ui)%n", service.name(), service.baseUrl(), service.baseUrl());
    }
    if (options.services().contains("report")) {
      if (createdSecrets.contains("admin-password")) {
        System.out.printf("%nLog in as admin with this password (shown once; kept in %s):%n  %s%n", options.dataDir().resolve("secrets"), adminPassword);
      } else if (fromEnvironment("MODSUITE_ADMIN_PASSWORD")) {
        System.out.printf("%nLog in as admin with the password in MODSUITE_ADMIN_PASSWORD (the one admin was created with,"
            + " if admin existed before).%n");
      } else {
        System.out.printf("%nLog in as admin: the password is in %s.%n", options.dataDir().resolve("secrets").resolve("admin-password"));
      }
      System.out.printf("  TOKEN=$(curl -s -d username=admin --data-urlencode password=... %s/api/v1/auth/token | jq -r .access_token)%n", url("report"));
    }
    if (options.demo()) {
      runDemo(adminPassword);
    }
    if (options.moderationBenchmark() > 0) {
      runModerationBenchmark(root, logs, adminPassword);
    }
    if (options.benchmark() > 0 || options.benchmarkNotices() > 0 || options.benchmarkExport() > 0 || options.ingestionBenchmark() > 0) {
      String token = new DemoFeeder(url("ingestion"), url("report"), adminPassword).token();
      try {
        if (options.ingestionBenchmark() > 0) {
          new IngestionBenchmark(url("ingestion"), stack.bootstrapServers(), token).run(options.ingestionBenchmark());
        }
        if (options.benchmark() > 0) {
          new PipelineBenchmark(url("ingestion"), url("moderation"), stack.bootstrapServers(), token).run(options.benchmark());
        }
        DsaBenchmark dsa = new DsaBenchmark(url("report"), token, stack.serviceEnvironment());
        if (options.benchmarkNotices() > 0) {
          dsa.notices(options.benchmarkNotices());
        }
        if (options.benchmarkExport() > 0) {
          dsa.export(options.benchmarkExport());
        }
      } catch (Exception e) {
        throw new IOException("benchmark failed: " + e.getMessage(), e);
      }
      System.exit(0); // a benchmark run stops the suite when it is done (the shutdown hook stops every process)
    }
    if (options.moderationBenchmark() > 0) {
      System.exit(0);
    }
    System.out.println("\nA service that exits or is killed is started again (back-off 1 s doubling to 30 s)."
        + " Press Ctrl-C to stop every process started here.");
  }

  /** From now on a service that exits or is killed is started again, with back-off (see RestartPolicy). */
  private synchronized void supervise() {
    if (stopping) {
      return;
    }
    for (ServiceProcess service : services) {
      supervisors.add(new ServiceSupervisor(service, RestartPolicy.standard(), READY_TIMEOUT, System.out).watch());
    }
  }

  private void runModerationBenchmark(Path root, Path logs, String adminPassword) throws IOException {
    Callable<String> token = options.services().contains("report")
        ? () -> new DemoFeeder(null, url("report"), adminPassword).token()
        : () -> TestTokens.token("service");
    ServiceProcess moderation = services.stream().filter(s -> s.name().equals("moderation-service")).findFirst().orElseThrow();
    try {
      new ModerationBenchmark(moderation, logs.resolve("moderation-service.log"), stack.bootstrapServers(), token,
          root.resolve(ModerationBenchmark.CORPUS)).run(options.moderationBenchmark(), options.moderationWarmUp());
    } catch (Exception e) {
      throw new IOException("moderation benchmark failed: " + e.getMessage(), e);
    }
  }

  private void runDemo(String adminPassword) throws IOException, InterruptedException {
    DemoFeeder demo = new DemoFeeder(url("ingestion"), url("report"), adminPassword);
    int sent = DemoFeeder.sample().size();
    int published = demo.send();
    System.out.printf("%nDemo: sent %d posts, ingestion published %d (it drops posts it has published before). Waiting ...%n", sent,
        published);
    long cases = demo.awaitCases();
    System.out.printf("Demo: %d of %d posts became cases for review or removal.%n", cases, sent);
    System.out.println("Demo: " + new DemoRecords(url("report"), demo.token()).record());
    System.out.printf("List the queue with an admin or moderator token:%n  curl -H \"Authorization: Bearer $TOKEN\" '%s/api/v1/cases'%n",
        url("report"));
  }

  private String url(String service) {
    return services.stream().filter(s -> s.name().equals(service + "-service")).findFirst().orElseThrow().baseUrl();
  }

  private int port(String service) {
    return switch (service) {
      case "ingestion" -> options.ingestionPort();
      case "moderation" -> options.moderationPort();
      default -> options.reportPort();
    };
  }

  /** The origins a browser uses for the dashboard on this port: both loopback spellings. */
  static String corsOrigins(int reportPort) {
    return "http://localhost:" + reportPort + ",http://" + Ports.HOST + ":" + reportPort;
  }

  private static boolean fromEnvironment(String variable) {
    String value = System.getenv(variable);
    return value != null && !value.isBlank();
  }

  /** A secret from the environment, else generated once into the data directory's secrets folder (owner-only). */
  private String secret(String envVariable, String file) throws IOException {
    if (fromEnvironment(envVariable)) {
      return System.getenv(envVariable);
    }
    Path path = options.dataDir().resolve("secrets").resolve(file);
    if (!Files.exists(path)) {
      Files.createDirectories(path.getParent());
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      Files.writeString(path, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
      Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      createdSecrets.add(file);
    }
    return Files.readString(path).trim();
  }

  /** Services first (they flush and commit), then the stack; safe to call twice. */
  private synchronized void stop() {
    stopping = true;
    if (services.isEmpty() && stack == null) {
      return;
    }
    System.out.println("\nStopping ModSuite ...");
    // Supervisors first, so that nothing is restarted while the services stop.
    supervisors.parallelStream().forEach(ServiceSupervisor::close);
    supervisors.clear();
    services.parallelStream().forEach(ServiceProcess::close);
    services.clear();
    if (stack != null) {
      stack.close();
      stack = null;
    }
    System.out.println("Stopped.");
  }
}
