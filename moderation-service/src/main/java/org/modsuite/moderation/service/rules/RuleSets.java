package org.modsuite.moderation.service.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.modsuite.moderation.service.TextNormaliser;

/** Reads the bundled rule files and checks a rule set before it is used: it compiles, and every rule passes its examples. */
public final class RuleSets {

  private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  private RuleSets() {
  }

  /** The bundled {@code rules/<language>.json}. */
  public static RuleSet bundled(String language) {
    String resource = "/rules/" + language + ".json";
    try (InputStream in = RuleSets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("rule file " + resource + " is missing");
      }
      return JSON.readValue(in, RuleSet.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An engine for {@code languages} running their bundled rule sets. They are compiled, not checked against their
   * examples: {@code RuleFilesTests} does that in every build, and checking them at each start cost seconds.
   */
  public static RuleEngine bundledEngine(List<String> languages) {
    RuleEngine engine = new RuleEngine(new NlpPipelines(languages));
    for (String language : languages) {
      engine.install(CompiledRuleSet.compile(bundled(language)));
    }
    TextNormaliser.fold("warm-up"); // loads the folding data (ICU, emoji names) before the first post
    return engine;
  }

  /**
   * Compiles {@code ruleSet} and runs every rule's examples through the engine's pipelines, the way posts are
   * analysed: a rule must match each of its {@code match} examples and none of its {@code noMatch} ones.
   *
   * @throws RuleSetException naming each rule that does not compile or fails an example
   */
  public static CompiledRuleSet validate(RuleSet ruleSet, RuleEngine engine) {
    if (ruleSet.version() == null || ruleSet.version().isBlank() || ruleSet.language() == null) {
      throw new RuleSetException(List.of("version and language are required"));
    }
    CompiledRuleSet compiled = CompiledRuleSet.compile(ruleSet);
    List<String> problems = new ArrayList<>();
    for (Rule rule : ruleSet.rules()) {
      for (String example : rule.examples().match()) {
        if (!matches(engine, compiled, rule, example)) {
          problems.add("rule " + rule.id() + ": does not match its example \"" + example + "\"");
        }
      }
      for (String example : rule.examples().noMatch()) {
        if (matches(engine, compiled, rule, example)) {
          problems.add("rule " + rule.id() + ": matches \"" + example + "\", which it must not");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleSetException(problems);
    }
    return compiled;
  }

  private static boolean matches(RuleEngine engine, CompiledRuleSet compiled, Rule rule, String example) {
    String folded = TextNormaliser.fold(example).text();
    return engine.match(folded, compiled.ruleSet().language(), compiled).hits().stream().anyMatch(h -> h.rule().id().equals(rule.id()));
  }
}
