package org.modsuite.moderation.service;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.modsuite.moderation.service.rules.CompiledRuleSet;
import org.modsuite.moderation.service.rules.RuleEngine;
import org.modsuite.moderation.service.rules.RuleSet;
import org.modsuite.moderation.service.rules.RuleSets;

/**
 * The rule engine of the service and the rule sets it runs: at start the bundled {@code rules/<lang>.json}, each
 * checked against its own examples (a failing one stops the service with the reasons).
 */
@ApplicationScoped
public class RuleBook {

  private static final Logger LOG = Logger.getLogger(RuleBook.class);

  private final RuleEngine engine;

  public RuleBook() {
    this.engine = RuleSets.bundledEngine(AnalysisService.LANGUAGES); // checking the examples also loads the folding data
    versions().forEach((language, version) -> LOG.infof("rules %s installed for %s", version, language));
  }

  public RuleEngine engine() {
    return engine;
  }

  /** Makes a validated rule set the current one of its language. */
  public void install(CompiledRuleSet rules) {
    engine.install(rules);
    LOG.infof("rules %s installed for %s (%d rules)", rules.ruleSet().version(), rules.ruleSet().language(), rules.ruleSet().rules().size());
  }

  public RuleSet current(String language) {
    return engine.current(language).ruleSet();
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
}
