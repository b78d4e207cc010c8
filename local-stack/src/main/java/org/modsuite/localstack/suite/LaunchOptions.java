package org.modsuite.localstack.suite;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.modsuite.localstack.LocalStackSettings;

/** The options of ./run, parsed from its command line. */
record LaunchOptions(boolean help, boolean demo, int benchmark, int benchmarkNotices, int benchmarkExport, Path dataDir, int kafkaPort,
    int controllerPort, int postgresPort, int partitions, int ingestionPort, int moderationPort, int reportPort, Set<String> services,
    int ingestionBenchmark, int moderationBenchmark, int moderationWarmUp) {

  static final List<String> ALL_SERVICES = List.of("ingestion", "moderation", "report");

  static final String USAGE = """
      Usage: ./run [options]

      Starts ModSuite on the embedded default: a Kafka broker and a PostgreSQL server on 127.0.0.1 (local-stack),
      then ingestion-service, moderation-service and report-service, each from its packaged jar. Waits until every
      part is ready, prints the URLs, and stops everything it started on Ctrl-C or SIGTERM.

      Supervision: once everything is ready, a service that exits or is killed is started again after 1 s, then
      2, 4 … up to 30 s between attempts (back to 1 s once it has stayed up a minute); each exit (code or signal)
      and restart is logged here and in its log. Ctrl-C stops the restarted processes too.

      Options:
        --demo                     also push the bundled sample of 200 posts (English and German) and report the cases
        --benchmark N              push N posts through the pipeline, time the analysis API, print the figures, stop
        --benchmark-notices N      submit N Art. 16 notices from 32 clients, print throughput and latency, stop
        --benchmark-export N       insert N statements of reasons, time their CSV export and report-service's heap, stop
        --benchmark-ingestion N    push N posts (batches), 1,000 single posts (latency) and an N-post JSONL import
                                   through ingestion-service alone, print posts/s into posts.ingested, stop
        --benchmark-moderation N   write warm-up posts, then N posts of the English/German benchmark corpus straight to
                                   posts.ingested and time their analyses, then 1,000 single-post analysis requests; start-up and heap of
                                   moderation-service; starts only moderation unless --services says otherwise, stop
        --benchmark-warm-up N      posts analysed before --benchmark-moderation's measured run (default 100,000)
        --data-dir DIR             Kafka and PostgreSQL data and the logs (default .modsuite; logs in DIR/logs)
        --services LIST            which services to start: ingestion,moderation,report (default all), or none
                                   (none runs local-stack alone, for a service started with mvn quarkus:run)
        --kafka-port PORT          Kafka client port (default 9092); --kafka-controller-port PORT (default 9093)
        --postgres-port PORT       PostgreSQL port (default 5432)
        --partitions N             partitions of each topic created on first start (default 6)
        --ingestion-port PORT      default 8081
        --moderation-port PORT     default 8082
        --report-port PORT         default 8083
        --help                     this text

      Environment: MODSUITE_ADMIN_PASSWORD sets the password of the bootstrap user admin, and
      MODSUITE_INGESTION_PSEUDONYM_KEY the key that pseudonymises authors, MODSUITE_INGESTION_SECRET_KEY the key that
      encrypts source secrets; each is generated into DIR/secrets on first start if unset (the admin password is
      printed once). MODSUITE_INGESTION_SOURCES_FILE names a JSON file of sources ingestion creates at start.
      MODSUITE_CORS_ORIGINS overrides the browser origins the services allow (default: the dashboard's, on --report-port).
      Run as root, PostgreSQL runs as the system user modsuite-postgres (created if missing; MODSUITE_POSTGRES_USER
      names another), since its tools refuse root.
      """;

  LocalStackSettings stackSettings() {
    return new LocalStackSettings(dataDir, kafkaPort, controllerPort, postgresPort, partitions);
  }

  static LaunchOptions parse(String... args) {
    boolean help = false;
    boolean demo = false;
    int benchmark = 0;
    int benchmarkNotices = 0;
    int benchmarkExport = 0;
    int ingestionBenchmark = 0;
    int moderationBenchmark = 0;
    int moderationWarmUp = 100_000;
    boolean servicesChosen = false;
    Path dataDir = Path.of(".modsuite");
    int kafka = LocalStackSettings.DEFAULT_KAFKA_PORT;
    int controller = 9093;
    int postgres = LocalStackSettings.DEFAULT_POSTGRES_PORT;
    int partitions = LocalStackSettings.DEFAULT_PARTITIONS;
    int ingestion = 8081;
    int moderation = 8082;
    int report = 8083;
    Set<String> services = new LinkedHashSet<>(ALL_SERVICES);
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--help", "-h" -> help = true;
        case "--demo" -> demo = true;
        case "--benchmark" -> benchmark = number(args, ++i, arg, 1, 10_000_000);
        case "--benchmark-notices" -> benchmarkNotices = number(args, ++i, arg, 1, 10_000_000);
        case "--benchmark-export" -> benchmarkExport = number(args, ++i, arg, 1, 100_000_000);
        case "--benchmark-ingestion" -> ingestionBenchmark = number(args, ++i, arg, 1, 100_000_000);
        case "--benchmark-moderation" -> moderationBenchmark = number(args, ++i, arg, 1, 10_000_000);
        case "--benchmark-warm-up" -> moderationWarmUp = number(args, ++i, arg, 0, 10_000_000);
        case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
        case "--kafka-port" -> kafka = port(args, ++i, arg);
        case "--kafka-controller-port" -> controller = port(args, ++i, arg);
        case "--postgres-port" -> postgres = port(args, ++i, arg);
        case "--partitions" -> partitions = number(args, ++i, arg, 1, 1000);
        case "--ingestion-port" -> ingestion = port(args, ++i, arg);
        case "--moderation-port" -> moderation = port(args, ++i, arg);
        case "--report-port" -> report = port(args, ++i, arg);
        case "--services" -> {
          services = services(value(args, ++i, arg));
          servicesChosen = true;
        }
        default -> throw new IllegalArgumentException("unknown option " + arg + " (see ./run --help)");
      }
    }
    if (moderationBenchmark > 0 && !servicesChosen) {
      services = new LinkedHashSet<>(List.of("moderation")); // the others would share its two cores
    }
    if (moderationBenchmark > 0 && !services.contains("moderation")) {
      throw new IllegalArgumentException("--benchmark-moderation needs moderation among --services");
    }
    if ((demo || benchmark > 0 || benchmarkNotices > 0 || benchmarkExport > 0) && !services.containsAll(ALL_SERVICES)) {
      throw new IllegalArgumentException("--demo and --benchmark need all three services");
    }
    if (ingestionBenchmark > 0 && !services.containsAll(List.of("ingestion", "report"))) {
      throw new IllegalArgumentException("--benchmark-ingestion needs ingestion and report (report issues the token)");
    }
    return new LaunchOptions(help, demo, benchmark, benchmarkNotices, benchmarkExport, dataDir.toAbsolutePath(), kafka, controller, postgres,
        partitions, ingestion, moderation, report, services, ingestionBenchmark, moderationBenchmark, moderationWarmUp);
  }

  private static Set<String> services(String list) {
    if (list.equals("none")) {
      return Set.of();
    }
    Set<String> chosen = new LinkedHashSet<>(Arrays.asList(list.split(",")));
    if (!ALL_SERVICES.containsAll(chosen)) {
      throw new IllegalArgumentException("--services takes a comma-separated subset of " + ALL_SERVICES + ", or none");
    }
    return chosen;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int port(String[] args, int i, String option) {
    return number(args, i, option, 1, 65535);
  }

  private static int number(String[] args, int i, String option, int min, int max) {
    String value = value(args, i, option);
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", not " + value);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a number, not " + value);
    }
  }
}
