package org.modsuite.moderation.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.modsuite.moderation.service.rules.CompiledRuleSet;
import org.modsuite.moderation.service.rules.RuleEngine;
import org.modsuite.moderation.service.rules.RuleSet;
import org.modsuite.moderation.service.rules.RuleSets;

/**
 * The rule engine of the service and the rule sets it runs: at start the bundled {@code rules/<lang>.json}, compiled
 * (a rule that does not compile stops the service with the reasons; their examples are checked by the build's
 * {@code RuleFilesTests}); then the current sets of
 * {@code moderation.rules} ({@link #adopt}). Installing replaces a language's set in one step: an analysis uses either
 * the old or the new set.
 */
@ApplicationScoped
public class RuleBook {

  private static final Logger LOG = Logger.getLogger(RuleBook.class);

  private RuleEngine engine;
  private final Map<String, RuleSetRevision> bundled = new LinkedHashMap<>();
  /** Sets this replica validated and is writing, by {@code lang@version}: adopted without compiling them again. */
  private final Map<String, CompiledRuleSet> validated = new ConcurrentHashMap<>();

  /**
   * For CDI, which also calls it for its client proxy: the engine is loaded in {@link #load()}, so that the CoreNLP
   * pipelines are built once, not once more for the proxy.
   */
  RuleBook() {
  }

  /** @param engine an engine with the bundled set of every language of {@link AnalysisService#LANGUAGES} installed */
  public RuleBook(RuleEngine engine) {
    start(engine);
  }

  @PostConstruct
  void load() {
    start(RuleSets.bundledEngine(AnalysisService.LANGUAGES)); // checking the examples also loads the folding data
  }

  private void start(RuleEngine engine) {
    this.engine = engine;
    Instant started = Instant.now();
    for (String language : AnalysisService.LANGUAGES) {
      RuleSet shipped = engine.current(language).ruleSet();
      bundled.put(language, new RuleSetRevision(language, shipped.version(), "bundled", started, baseOf(shipped), shipped));
    }
    versions().forEach((language, version) -> LOG.infof("rules %s installed for %s", version, language));
  }

  public RuleEngine engine() {
    return engine;
  }

  /**
   * Compiles {@code ruleSet} and runs every rule's examples, without installing it.
   *
   * @throws org.modsuite.moderation.service.rules.RuleSetException naming each rule that fails
   */
  public CompiledRuleSet validate(RuleSet ruleSet) {
    CompiledRuleSet compiled = RuleSets.validate(ruleSet, engine);
    validated.put(ruleSet.language() + "@" + ruleSet.version(), compiled);
    return compiled;
  }

  /**
   * Installs a rule set read from {@code moderation.rules} if it was edited from the rule file this replica ships
   * (else the shipped file stays: a new release's rules win over edits of the old ones, which stay in the history).
   *
   * @return whether it is now current
   */
  public boolean adopt(RuleSetRevision revision) {
    RuleSetRevision shipped = bundled.get(revision.language());
    if (shipped == null) {
      LOG.warnf("rules %s ignored: language %s is not analysed", revision.version(), revision.language());
      return false;
    }
    if (!shipped.base().equals(revision.base())) {
      LOG.warnf("rules %s of %s ignored: edited from another rule file than the shipped %s", revision.version(), revision.language(),
          shipped.version());
      return false;
    }
    CompiledRuleSet compiled = validated.remove(revision.language() + "@" + revision.version());
    if (revision.version().equals(current(revision.language()).version())) {
      return true; // versions are content hashes: the same version is the same set
    }
    install(compiled != null ? compiled : CompiledRuleSet.compile(revision.ruleSet()));
    return true;
  }

  /** Makes a compiled rule set the current one of its language. */
  public void install(CompiledRuleSet rules) {
    engine.install(rules);
    LOG.infof("rules %s installed for %s (%d rules)", rules.ruleSet().version(), rules.ruleSet().language(), rules.ruleSet().rules().size());
  }

  public RuleSet current(String language) {
    return engine.current(language).ruleSet();
  }

  /** The rule file this replica ships for {@code language}, null for a language that is not analysed. */
  public RuleSetRevision bundled(String language) {
    return bundled.get(language);
  }

  /** language → current rule set version. */
  public Map<String, String> versions() {
    Map<String, String> versions = new TreeMap<>();
    AnalysisService.LANGUAGES.forEach(l -> versions.put(l, current(l).version()));
    return versions;
  }

  public List<String> languages() {
    return AnalysisService.LANGUAGES;
  }

  public boolean supports(String language) {
    return bundled.containsKey(language);
  }

  /** The content hash that identifies a shipped rule file. */
  static String baseOf(RuleSet shipped) {
    return ContentVersions.hash(shipped.withVersion(null)) + "/" + shipped.version();
  }
}
