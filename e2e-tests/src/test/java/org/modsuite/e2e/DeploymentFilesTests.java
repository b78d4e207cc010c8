package org.modsuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modsuite.events.Topics;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml and k8s/ cannot be run on the development machines (no Docker), so this
 * test parses them and checks them against what the services actually read: each service's
 * {@code src/main/resources/application.properties}.
 */
class DeploymentFilesTests {

  static final List<String> SERVICES = List.of("ingestion-service", "moderation-service", "report-service");

  /** Read by every service, whether or not application.properties names the key. */
  static final Set<String> COMMON_ENV = Set.of("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_HTTP_PORT");

  /** Quarkus datasource keys report-service reads even when application.properties leaves them to the environment. */
  static final Set<String> REPORT_DATASOURCE_ENV = Set.of(
      "QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL",
      "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");

  static final Map<String, Set<String>> REQUIRED_SECRETS = Map.of(
      "ingestion-service", Set.of("MODSUITE_INGESTION_PSEUDONYM_KEY", "MODSUITE_INGESTION_SECRET_KEY", "MODSUITE_INGESTION_DB_PASSWORD"),
      "moderation-service", Set.of(),
      "report-service", Set.of("QUARKUS_DATASOURCE_PASSWORD", "MODSUITE_ADMIN_PASSWORD"));

  static final String SECRETS_NAME = "modsuite-secrets";

  /** A compose value taken from the caller's environment, failing when unset: ${NAME:?message}. */
  static final Pattern REQUIRED_SUBSTITUTION = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*:\\?[^}]*}");

  static final Pattern TOPIC_OPTION = Pattern.compile("--topic[ =]+([A-Za-z0-9._-]+)");

  /** The start of a property expression in application.properties, ${NAME} or ${NAME:default}: group 1 is NAME. */
  static final Pattern PROPERTY_EXPRESSION = Pattern.compile("\\$\\{([^:}${\\s]+)");

  /** The realm roles of service-support's Roles, which Keycloak must put into the groups claim. */
  static final Set<String> ROLES = Set.of("admin", "moderator", "trusted_flagger", "compliance", "service");

  static final String KEYCLOAK_REALM_FILE = "deploy/keycloak/modsuite-realm.json";

  static Path root;
  static Map<String, Object> compose;
  static List<Map<String, Object>> k8sDocs;

  @BeforeAll
  static void loadFiles() throws IOException {
    root = findRepositoryRoot();
    compose = asMap(loadYaml(root.resolve("docker-compose.yml")));
    k8sDocs = new ArrayList<>();
    for (String resource : kustomizationResources()) {
      Path file = root.resolve("k8s").resolve(resource);
      if (Files.isRegularFile(file)) { // a missing one fails kustomizationResourcesExistAndParse
        k8sDocs.addAll(loadAllYaml(file));
      }
    }
  }

  // ---------------------------------------------------------------- docker-compose.yml

  @Test
  void composeDefinesTheThreeServicesKafkaAndPostgres() {
    assertThat(composeServices().keySet())
        .containsAll(SERVICES)
        .contains("kafka", "postgres");
  }

  @Test
  void composePublishesEachServiceOnItsQuarkusHttpPort() {
    for (String service : SERVICES) {
      int port = httpPort(service);
      List<Object> ports = asList(composeService(service).get("ports"));
      assertThat(ports).as("ports of %s in docker-compose.yml", service).isNotEmpty();
      for (Object mapping : ports) {
        int[] publishedAndTarget = parseComposePort(mapping);
        assertThat(publishedAndTarget)
            .as("port mapping %s of %s (quarkus.http.port=%d)", mapping, service, port)
            .containsOnly(port);
      }
      String envPort = composeEnvironment(service).get("QUARKUS_HTTP_PORT");
      if (envPort != null) {
        assertThat(envPort).as("QUARKUS_HTTP_PORT of %s", service).isEqualTo(String.valueOf(port));
      }
    }
  }

  @Test
  void composeSetsOnlyEnvironmentVariablesTheServicesRead() {
    for (String service : SERVICES) {
      assertThat(composeEnvironment(service).keySet())
          .as("environment of %s in docker-compose.yml", service)
          .allSatisfy(name -> assertThat(isReadBy(service, name))
              .as("%s reads %s", service, name).isTrue());
    }
  }

  @Test
  void composeTakesEveryRequiredSecretFromTheCallersEnvironment() {
    for (String service : SERVICES) {
      Map<String, String> env = composeEnvironment(service);
      for (String secret : REQUIRED_SECRETS.get(service)) {
        assertThat(env).as("environment of %s", service).containsKey(secret);
        // Never a literal: ${VAR:?message} makes compose refuse to start without it.
        assertThat(env.get(secret)).as("%s of %s", secret, service).matches(REQUIRED_SUBSTITUTION);
      }
    }
    Map<String, String> postgresEnv = environmentOf(composeService("postgres"));
    assertThat(postgresEnv.get("POSTGRES_PASSWORD")).as("POSTGRES_PASSWORD").matches(REQUIRED_SUBSTITUTION);
  }

  @Test
  void composeHealthchecksProbeReadinessOnTheServicePort() {
    for (String service : SERVICES) {
      Map<String, Object> healthcheck = asMap(composeService(service).get("healthcheck"));
      String test = flatten(healthcheck.get("test"));
      assertThat(test).as("healthcheck of %s", service)
          .contains("/q/health/ready")
          .contains(String.valueOf(httpPort(service)));
    }
  }

  @Test
  void composeInitCreatesTheSuiteTopicsCoveringEveryChannel() {
    Map<String, Object> init = composeService("kafka-init");
    String script = flatten(init.get("entrypoint")) + " " + flatten(init.get("command"));
    assertThat(script).contains("kafka-topics.sh").contains("--create").contains("--if-not-exists");
    Set<String> created = new TreeSet<>();
    Matcher m = TOPIC_OPTION.matcher(script);
    while (m.find()) {
      created.add(m.group(1));
    }
    assertThat(created).isEqualTo(new TreeSet<>(Topics.all())).containsAll(channelTopics());
  }

  @Test
  void composeKeycloakIsOptionalBehindAProfileAndImportsTheRealm() {
    Map<String, Object> keycloak = composeService("keycloak");
    assertThat(asList(keycloak.get("profiles"))).as("profiles of keycloak: it must not start by default")
        .containsExactly("keycloak");
    assertThat(flatten(keycloak.get("command"))).contains("--import-realm");
    assertThat(asList(keycloak.get("volumes"))).as("volumes of keycloak")
        .anySatisfy(volume -> assertThat(volume.toString())
            .startsWith("./" + Path.of(KEYCLOAK_REALM_FILE).getParent() + "/")
            .contains(":/opt/keycloak/data/import"));
    assertThat(root.resolve(KEYCLOAK_REALM_FILE)).isRegularFile();
  }

  @Test
  void composeServicesOfAProfileRequireNoVariables() {
    // Compose substitutes variables in every service before it applies profiles: a ${VAR:?message} in an
    // optional service would make every "docker compose up" fail without VAR.
    composeServices().forEach((name, service) -> {
      if (!asList(asMap(service).get("profiles")).isEmpty()) {
        assertThat(String.valueOf(service)).as("service %s (behind a profile)", name)
            .doesNotContainPattern("\\$\\{[A-Za-z_][A-Za-z0-9_]*:?\\?");
      }
    });
  }

  // ---------------------------------------------------------------- deploy/keycloak

  @Test
  void keycloakRealmDefinesTheRolesAndPutsThemIntoTheGroupsClaim() throws IOException {
    // Strict: Jackson stops after the first value unless told to refuse what follows it.
    JsonNode realm = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .readTree(root.resolve(KEYCLOAK_REALM_FILE).toFile());
    assertThat(realm.path("realm").asText()).isEqualTo("modsuite");

    Set<String> roles = new TreeSet<>();
    realm.path("roles").path("realm").forEach(role -> roles.add(role.path("name").asText()));
    assertThat(roles).as("realm roles of %s", KEYCLOAK_REALM_FILE).containsAll(ROLES);

    List<JsonNode> mappers = new ArrayList<>();
    realm.path("clients").forEach(client -> client.path("protocolMappers").forEach(mappers::add));
    realm.path("clientScopes").forEach(scope -> scope.path("protocolMappers").forEach(mappers::add));
    assertThat(mappers).as("protocol mappers of %s", KEYCLOAK_REALM_FILE)
        .anySatisfy(mapper -> {
          assertThat(mapper.path("protocolMapper").asText()).isEqualTo("oidc-usermodel-realm-role-mapper");
          assertThat(mapper.path("config").path("claim.name").asText()).isEqualTo("groups");
          assertThat(mapper.path("config").path("multivalued").asText()).isEqualTo("true");
          assertThat(mapper.path("config").path("access.token.claim").asText()).isEqualTo("true");
        });

    // Nothing secret in the repository: Keycloak generates the client secrets on import.
    realm.path("clients").forEach(client -> assertThat(client.has("secret"))
        .as("client %s has a secret in %s", client.path("clientId").asText(), KEYCLOAK_REALM_FILE).isFalse());
  }

  // ---------------------------------------------------------------- k8s/

  @Test
  void kustomizationResourcesExistAndParse() throws IOException {
    for (String resource : kustomizationResources()) {
      Path file = root.resolve("k8s").resolve(resource);
      assertThat(file).as("k8s/kustomization.yaml resource").isRegularFile();
      for (Map<String, Object> doc : loadAllYaml(file)) {
        assertThat(doc).as("a document of %s", resource).containsKeys("apiVersion", "kind", "metadata");
        assertThat(asMap(doc.get("metadata"))).as("metadata in %s", resource).containsKey("name");
      }
    }
  }

  @Test
  void kustomizationHoldsNoSecretData() {
    assertThat(kustomizationResources()).doesNotContain("secret.example.yaml");
    for (Map<String, Object> secret : k8sDocs("Secret")) {
      assertThat(asMap(secret.get("data"))).as("data of Secret %s", name(secret)).isEmpty();
      assertThat(asMap(secret.get("stringData"))).as("stringData of Secret %s", name(secret)).isEmpty();
    }
    for (Object generator : asList(kustomization().get("secretGenerator"))) {
      assertThat(asMap(generator)).as("secretGenerator in kustomization.yaml")
          .doesNotContainKeys("literals", "files", "envs");
    }
  }

  @Test
  void strimziTopicsAreTheSuiteTopicsCoveringEveryChannel() {
    Set<String> declared = k8sDocs("KafkaTopic").stream()
        .map(topic -> {
          Object topicName = asMap(topic.get("spec")).get("topicName");
          return topicName != null ? topicName.toString() : name(topic);
        })
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(declared).isEqualTo(new TreeSet<>(Topics.all())).containsAll(channelTopics());
  }

  @Test
  void moderationAutoscalerStopsAtThePartitionCountOfItsInputTopic() {
    String input = properties("moderation-service").getProperty("mp.messaging.incoming.posts-in.topic");
    Map<String, Object> topic = k8sDocs("KafkaTopic").stream()
        .filter(t -> input.equals(asMap(t.get("spec")).getOrDefault("topicName", name(t))))
        .findFirst().orElseThrow(() -> new AssertionError("no KafkaTopic " + input));
    int partitions = ((Number) asMap(topic.get("spec")).get("partitions")).intValue();
    Map<String, Object> hpa = k8sDocs("HorizontalPodAutoscaler").stream()
        .filter(h -> "moderation-service".equals(asMap(asMap(h.get("spec")).get("scaleTargetRef")).get("name")))
        .findFirst().orElseThrow(() -> new AssertionError("no HorizontalPodAutoscaler for moderation-service"));
    // A consumer group uses at most one consumer per partition; more pods only sit idle.
    assertThat(((Number) asMap(hpa.get("spec")).get("maxReplicas")).intValue()).isLessThanOrEqualTo(partitions);
  }

  @Test
  void k8sHasOneDeploymentPerService() {
    assertThat(k8sDocs("Deployment")).extracting(DeploymentFilesTests::name)
        .containsExactlyInAnyOrderElementsOf(SERVICES);
  }

  @Test
  void k8sDeploymentsProbeTheQuarkusHealthEndpointsOnTheHttpPort() {
    for (String service : SERVICES) {
      Map<String, Object> container = container(service);
      int port = httpPort(service);
      List<Object> ports = asList(container.get("ports"));
      assertThat(ports).as("ports of %s", service).isNotEmpty();
      assertThat(ports).as("containerPort of %s", service)
          .allSatisfy(p -> assertThat(asMap(p).get("containerPort")).isEqualTo(port));
      Map<String, String> expected = Map.of(
          "startupProbe", "/q/health/started",
          "livenessProbe", "/q/health/live",
          "readinessProbe", "/q/health/ready");
      expected.forEach((probe, path) -> {
        Map<String, Object> httpGet = asMap(asMap(container.get(probe)).get("httpGet"));
        assertThat(httpGet.get("path")).as("%s of %s", probe, service).isEqualTo(path);
        assertThat(resolvePort(httpGet.get("port"), ports)).as("%s port of %s", probe, service).isEqualTo(port);
      });
    }
  }

  @Test
  void k8sContainersHaveResourceRequestsAndLimits() {
    for (Map<String, Object> deployment : k8sDocs("Deployment")) {
      for (Object container : asList(podSpec(deployment).get("containers"))) {
        Map<String, Object> resources = asMap(asMap(container).get("resources"));
        assertThat(asMap(resources.get("requests"))).as("requests of %s", name(deployment))
            .containsKeys("cpu", "memory");
        assertThat(asMap(resources.get("limits"))).as("limits of %s", name(deployment))
            .containsKeys("cpu", "memory");
      }
    }
  }

  @Test
  void k8sDeploymentsSetOnlyEnvironmentVariablesTheServicesRead() {
    for (String service : SERVICES) {
      assertThat(k8sEnvironment(service).keySet())
          .as("env of Deployment %s", service)
          .allSatisfy(name -> assertThat(isReadBy(service, name))
              .as("%s reads %s", service, name).isTrue());
    }
  }

  @Test
  void k8sTakesEveryRequiredSecretFromTheSecret() {
    for (String service : SERVICES) {
      Map<String, Map<String, Object>> env = k8sEnvironment(service);
      for (String secret : REQUIRED_SECRETS.get(service)) {
        assertThat(env).as("env of Deployment %s", service).containsKey(secret);
        Map<String, Object> ref = asMap(asMap(env.get(secret).get("valueFrom")).get("secretKeyRef"));
        assertThat(ref.get("name")).as("secretKeyRef of %s in %s", secret, service).isEqualTo(SECRETS_NAME);
      }
    }
  }

  @Test
  void k8sSecretExampleAndReadmeCreateEverySecretKeyTheDeploymentsUse() throws IOException {
    Set<String> keys = new TreeSet<>();
    for (String service : SERVICES) {
      k8sEnvironment(service).forEach((name, entry) -> {
        Map<String, Object> ref = asMap(asMap(entry.get("valueFrom")).get("secretKeyRef"));
        if (SECRETS_NAME.equals(ref.get("name"))) {
          keys.add(ref.get("key").toString());
        }
      });
    }
    assertThat(keys).as("keys of %s the Deployments use", SECRETS_NAME).isNotEmpty();
    Map<String, Object> example = loadAllYaml(root.resolve("k8s/secret.example.yaml")).stream()
        .filter(doc -> "Secret".equals(doc.get("kind")) && SECRETS_NAME.equals(name(doc)))
        .findFirst().orElseThrow(() -> new AssertionError("no Secret " + SECRETS_NAME + " in k8s/secret.example.yaml"));
    assertThat(asMap(example.get("stringData")).keySet()).as("stringData of %s in secret.example.yaml", SECRETS_NAME)
        .containsAll(keys);
    String readme = Files.readString(root.resolve("k8s/README.md"));
    assertThat(keys).allSatisfy(key -> assertThat(readme).as("k8s/README.md creates %s", key)
        .contains("--from-literal=" + key + "="));
  }

  @Test
  void k8sConfigMapReferencesPointAtExistingKeys() {
    for (String service : SERVICES) {
      k8sEnvironment(service).forEach((name, entry) -> {
        Map<String, Object> ref = asMap(asMap(entry.get("valueFrom")).get("configMapKeyRef"));
        if (!ref.isEmpty()) {
          assertThat(configMapData(ref.get("name").toString()))
              .as("ConfigMap %s for %s of %s", ref.get("name"), name, service)
              .containsKey(ref.get("key").toString());
        }
      });
    }
  }

  // ---------------------------------------------------------------- what the services read

  /**
   * Whether the service reads the environment variable: by Quarkus's env-to-property mapping of a key in
   * application.properties, or because a value there refers to it in an expression, ${NAME} or ${NAME:default}.
   */
  static boolean isReadBy(String service, String envName) {
    return COMMON_ENV.contains(envName)
        || ("report-service".equals(service) && REPORT_DATASOURCE_ENV.contains(envName))
        || productionProperties(service).keySet().stream()
            .map(DeploymentFilesTests::toEnvName)
            .anyMatch(envName::equals)
        || referencedEnvNames(service).contains(envName);
  }

  /** The environment variables that expressions in the service's application.properties refer to. */
  static Set<String> referencedEnvNames(String service) {
    Set<String> names = new TreeSet<>();
    for (String value : productionProperties(service).values()) {
      Matcher m = PROPERTY_EXPRESSION.matcher(value);
      while (m.find()) {
        // ${MODSUITE_CORS_ORIGINS} is looked up as given; ${some.property} as SOME_PROPERTY in the environment.
        names.add(toEnvName(m.group(1)));
      }
    }
    return names;
  }

  /** The entries that apply in the prod profile: without a profile, or with one that lists prod (%prod.key). */
  static Map<String, String> productionProperties(String service) {
    Properties props = properties(service);
    Map<String, String> result = new TreeMap<>();
    for (String key : props.stringPropertyNames()) {
      if (!key.startsWith("%")) {
        result.putIfAbsent(key, props.getProperty(key));
      } else if (key.indexOf('.') > 1
          && List.of(key.substring(1, key.indexOf('.')).split(",")).contains("prod")) {
        result.put(key.substring(key.indexOf('.') + 1), props.getProperty(key));
      }
    }
    return result;
  }

  @Test
  void serviceReadsKeysAndExpressionsOfItsApplicationProperties() {
    // A key: mp.jwt.verify.issuer, set as MP_JWT_VERIFY_ISSUER.
    assertThat(isReadBy("ingestion-service", "MP_JWT_VERIFY_ISSUER")).isTrue();
    assertThat(isReadBy("moderation-service", "MP_JWT_VERIFY_PUBLICKEY_LOCATION")).isTrue();
    // An expression: modsuite.auth.admin-password=${MODSUITE_ADMIN_PASSWORD:}.
    assertThat(isReadBy("report-service", "MODSUITE_ADMIN_PASSWORD")).isTrue();
    assertThat(isReadBy("ingestion-service", "MODSUITE_ADMIN_PASSWORD")).isFalse();
    for (String service : SERVICES) {
      assertThat(isReadBy(service, "MODSUITE_CORS_ORIGINS")).as("%s reads MODSUITE_CORS_ORIGINS", service).isTrue();
      assertThat(isReadBy(service, "MODSUITE_NOT_A_SETTING")).isFalse();
    }
  }

  /** Quarkus rule: each character that is not a letter or digit becomes '_', then upper case. */
  static String toEnvName(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  /** Topics named by mp.messaging.(incoming|outgoing).*.topic, including *.dead-letter-queue.topic. */
  static Set<String> channelTopics() {
    Set<String> topics = new TreeSet<>();
    for (String service : SERVICES) {
      Properties props = properties(service);
      for (String key : props.stringPropertyNames()) {
        if ((key.startsWith("mp.messaging.incoming.") || key.startsWith("mp.messaging.outgoing."))
            && key.endsWith(".topic")) {
          topics.add(props.getProperty(key).trim());
        }
      }
    }
    assertThat(topics).as("topics in the services' application.properties").isNotEmpty();
    return topics;
  }

  static int httpPort(String service) {
    String port = properties(service).getProperty("quarkus.http.port");
    assertThat(port).as("quarkus.http.port of %s", service).isNotNull();
    return Integer.parseInt(port.trim());
  }

  static Properties properties(String service) {
    Path file = root.resolve(service).resolve("src/main/resources/application.properties");
    assertThat(file).as("application.properties of %s", service).isRegularFile();
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      props.load(reader);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file, e);
    }
    return props;
  }

  // ---------------------------------------------------------------- compose helpers

  static Map<String, Object> composeServices() {
    return asMap(compose.get("services"));
  }

  static Map<String, Object> composeService(String name) {
    Map<String, Object> service = asMap(composeServices().get(name));
    assertThat(service).as("service %s in docker-compose.yml", name).isNotEmpty();
    return service;
  }

  static Map<String, String> composeEnvironment(String service) {
    return environmentOf(composeService(service));
  }

  /** Compose allows both a map and a list of NAME=value. */
  static Map<String, String> environmentOf(Map<String, Object> service) {
    Map<String, String> env = new LinkedHashMap<>();
    Object raw = service.get("environment");
    if (raw instanceof Map<?, ?> map) {
      map.forEach((k, v) -> env.put(k.toString(), v == null ? null : v.toString()));
    } else {
      for (Object entry : asList(raw)) {
        String[] parts = entry.toString().split("=", 2);
        env.put(parts[0], parts.length > 1 ? parts[1] : null);
      }
    }
    return env;
  }

  /** "8081:8081", "127.0.0.1:8081:8081/tcp", "8081" or {target, published}: returns the ports it names. */
  static int[] parseComposePort(Object mapping) {
    if (mapping instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .filter(e -> "target".equals(e.getKey()) || "published".equals(e.getKey()))
          .mapToInt(e -> Integer.parseInt(e.getValue().toString()))
          .toArray();
    }
    String[] parts = mapping.toString().replaceAll("/(tcp|udp)$", "").split(":");
    int target = Integer.parseInt(parts[parts.length - 1]);
    return parts.length == 1 ? new int[] {target}
        : new int[] {Integer.parseInt(parts[parts.length - 2]), target};
  }

  // ---------------------------------------------------------------- k8s helpers

  static Map<String, Object> kustomization() {
    try {
      return asMap(loadYaml(root.resolve("k8s/kustomization.yaml")));
    } catch (IOException e) {
      throw new AssertionError("cannot read k8s/kustomization.yaml", e);
    }
  }

  static List<String> kustomizationResources() {
    List<String> resources = asList(kustomization().get("resources")).stream()
        .map(Object::toString).collect(Collectors.toList());
    assertThat(resources).as("resources in k8s/kustomization.yaml").isNotEmpty();
    return resources;
  }

  static List<Map<String, Object>> k8sDocs(String kind) {
    return k8sDocs.stream().filter(doc -> kind.equals(doc.get("kind"))).collect(Collectors.toList());
  }

  static String name(Map<String, Object> doc) {
    return String.valueOf(asMap(doc.get("metadata")).get("name"));
  }

  static Map<String, Object> podSpec(Map<String, Object> deployment) {
    return asMap(asMap(asMap(asMap(deployment.get("spec")).get("template")).get("spec")));
  }

  static Map<String, Object> container(String service) {
    Map<String, Object> deployment = k8sDocs("Deployment").stream()
        .filter(d -> service.equals(name(d)))
        .findFirst().orElseThrow(() -> new AssertionError("no Deployment " + service));
    List<Object> containers = asList(podSpec(deployment).get("containers"));
    assertThat(containers).as("containers of %s", service).isNotEmpty();
    return containers.stream().map(DeploymentFilesTests::asMap)
        .filter(c -> service.equals(c.get("name")))
        .findFirst().orElse(asMap(containers.get(0)));
  }

  /** env entries by name; envFrom ConfigMaps are expanded to their keys so the check sees them too. */
  static Map<String, Map<String, Object>> k8sEnvironment(String service) {
    Map<String, Object> container = container(service);
    Map<String, Map<String, Object>> env = new LinkedHashMap<>();
    for (Object entry : asList(container.get("env"))) {
      env.put(asMap(entry).get("name").toString(), asMap(entry));
    }
    for (Object source : asList(container.get("envFrom"))) {
      Map<String, Object> from = asMap(source);
      assertThat(from).as("envFrom of %s: list Secret variables one by one", service)
          .doesNotContainKey("secretRef");
      String configMap = asMap(from.get("configMapRef")).get("name").toString();
      String prefix = from.getOrDefault("prefix", "").toString();
      configMapData(configMap).keySet().forEach(key -> env.put(prefix + key, Map.of("name", prefix + key)));
    }
    return env;
  }

  static Map<String, Object> configMapData(String name) {
    Map<String, Object> configMap = k8sDocs("ConfigMap").stream()
        .filter(c -> name.equals(name(c)))
        .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap " + name + " in the kustomization"));
    return asMap(configMap.get("data"));
  }

  /** A probe's port is either a number or the name of one of the container's ports. */
  static Object resolvePort(Object port, List<Object> containerPorts) {
    if (port instanceof Number) {
      return port;
    }
    return containerPorts.stream().map(DeploymentFilesTests::asMap)
        .filter(p -> String.valueOf(port).equals(p.get("name")))
        .map(p -> p.get("containerPort"))
        .findFirst().orElse(null);
  }

  // ---------------------------------------------------------------- YAML and files

  static Path findRepositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("k8s"))) {
        return dir;
      }
    }
    throw new AssertionError("no directory with docker-compose.yml and k8s/ above " + Path.of("").toAbsolutePath());
  }

  static Object loadYaml(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file)) {
      return new Yaml().load(reader);
    }
  }

  static List<Map<String, Object>> loadAllYaml(Path file) throws IOException {
    List<Map<String, Object>> docs = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file)) {
      for (Object doc : new Yaml().loadAll(reader)) {
        if (doc != null) { // an empty document, e.g. after a trailing ---
          docs.add(asMap(doc));
        }
      }
    }
    return docs;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object value) {
    if (value == null) {
      return Map.of();
    }
    assertThat(value).as("a YAML mapping").isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> asList(Object value) {
    if (value == null) {
      return List.of();
    }
    assertThat(value).as("a YAML sequence").isInstanceOf(List.class);
    return (List<Object>) value;
  }

  /** A compose command, entrypoint or healthcheck test may be a string or a list of strings. */
  static String flatten(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }
    return value == null ? "" : value.toString();
  }
}
