package org.modsuite.localstack;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource: the real Kafka and PostgreSQL of the local stack on free ports, started once per test JVM
 * (Quarkus may restart the application between test classes; the stack stays up) and stopped when the JVM exits.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

  private static LocalStack stack;

  /** The stack of this test JVM, starting it on first use. */
  public static synchronized LocalStack shared() {
    if (stack == null) {
      LocalStackSettings settings = LocalStackSettings.forTests(TempDirectories.create("modsuite-test-stack"));
      stack = new LocalStack(settings).start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        stack.close();
        TempDirectories.delete(settings.dataDir());
      }, "local-stack-stop"));
    }
    return stack;
  }

  /** The stack's addresses, and token verification against {@link TestTokens}' key set. */
  @Override
  public Map<String, String> start() {
    Map<String, String> config = new java.util.HashMap<>(shared().quarkusConfig());
    config.putAll(TestTokens.verificationConfig());
    return config;
  }

  @Override
  public void stop() {
    // Kept for the next test class of this JVM; the shutdown hook stops it.
  }
}
