package org.modsuite.moderation.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.modsuite.moderation.repository.RuleRepository;
import org.modsuite.moderation.service.rules.Rule;
import org.modsuite.moderation.service.rules.RuleSet;
import org.modsuite.moderation.service.rules.RuleSetException;
import org.modsuite.support.rest.Problem;
import org.modsuite.support.rest.ProblemException;

/**
 * Changes to the rule sets and the policy by trained staff. Every change builds the whole new set, checks its shape
 * (400 naming the field), compiles it and runs every rule's examples (422 naming each rule), gives it a
 * {@link ContentVersions content version}, and stores it in {@code moderation.rules}; it returns once this replica
 * runs it, and every other replica installs it as it reads the topic. Every change names the version it was made
 * from ({@link EditPrecondition}, checked against what this replica runs; 412 when it is not current). Changes on
 * one replica are serialised, so a check and its write are one step there; two replicas accepting a change of the
 * same language at the same moment: the last one written wins (the other's version stays in the history).
 */
@ApplicationScoped
public class RuleManagement {

  private static final Logger LOG = Logger.getLogger(RuleManagement.class);
  private static final Pattern PROBLEM = Pattern.compile("^(rule|lexicon) (\\S+): (.*)$", Pattern.DOTALL);

  private final RuleBook rules;
  private final PolicyBook policies;
  private final RuleRepository repository;

  public RuleManagement(RuleBook rules, PolicyBook policies, RuleRepository repository) {
    this.rules = rules;
    this.policies = policies;
    this.repository = repository;
  }

  /** language → version of its current rule set. */
  public Map<String, String> languages() {
    return rules.versions();
  }

  /** The current rule set of a supported language. */
  public RuleSet current(String language) {
    requireLanguage(language);
    return rules.current(language);
  }

  /** Every version of a language's rules: the shipped file first, then the stored ones, oldest first. */
  public List<RuleSetRevision> versions(String language) {
    requireLanguage(language);
    List<RuleSetRevision> versions = new ArrayList<>();
    versions.add(rules.bundled(language));
    repository.versions(language).stream().filter(r -> !r.version().equals(rules.bundled(language).version())).forEach(versions::add);
    return versions;
  }

  /** One rule of a language's current set. */
  public Rule rule(String language, String ruleId) {
    RuleSet current = current(language);
    int index = indexOf(current, ruleId);
    if (index < 0) {
      throw ProblemException.notFound("rules " + language + " have no rule " + ruleId);
    }
    return current.rules().get(index);
  }

  /** One lexicon of a language's current set. */
  public List<String> lexicon(String language, String name) {
    List<String> entries = current(language).lexicons().get(name);
    if (entries == null) {
      throw ProblemException.notFound("rules " + language + " have no lexicon " + name);
    }
    return entries;
  }

  public RuleSetRevision version(String language, String version) {
    return versions(language).stream().filter(r -> r.version().equals(version)).findFirst()
        .orElseThrow(() -> ProblemException.notFound("rules " + language + " have no version " + version));
  }

  /** Replaces a language's whole rule set; {@code precondition} is checked against the current set's version. */
  public synchronized RuleSetRevision replaceRuleSet(String language, RuleSet ruleSet, String changedBy, EditPrecondition precondition) {
    caughtUp();
    precondition.check("rules " + language, current(language).version());
    if (ruleSet == null) {
      throw ProblemException.invalid("body", "a rule set is required");
    }
    if (ruleSet.language() != null && !ruleSet.language().equals(language)) {
      throw ProblemException.invalid("language", "must be " + language + " (the path's language) or left out");
    }
    RuleSetChecks.check(ruleSet);
    return store(new RuleSet(null, language, ruleSet.description(), ruleSet.noTargetFactor(), ruleSet.lexicons(), ruleSet.rules()), changedBy);
  }

  /**
   * Adds the rule {@code ruleId}, or replaces the rule of that id in place; {@code precondition} is checked against the
   * rule's {@link ContentVersions#rule version} (absent for a new rule).
   */
  public synchronized RuleSetRevision putRule(String language, String ruleId, Rule rule, String changedBy, EditPrecondition precondition) {
    caughtUp();
    RuleSet current = current(language);
    int index = indexOf(current, ruleId);
    precondition.check("rule " + ruleId, index < 0 ? null : ContentVersions.rule(current.rules().get(index)));
    if (rule == null) {
      throw ProblemException.invalid("body", "a rule is required");
    }
    if (rule.id() != null && !rule.id().equals(ruleId)) {
      throw ProblemException.invalid("id", "must be " + ruleId + " (the path's rule id) or left out");
    }
    Rule named = new Rule(ruleId, rule.description(), rule.kind(), rule.category(), rule.engine(), rule.pattern(), rule.weight(), rule.scope(),
        rule.targeted(), rule.state(), rule.examples());
    RuleSetChecks.check(named, "");
    List<Rule> changed = new ArrayList<>(current.rules());
    if (index < 0) {
      changed.add(named);
    } else {
      changed.set(index, named);
    }
    return store(withRules(current, changed), changedBy);
  }

  /** Makes a rule active or shadow; {@code precondition} is checked against the rule's {@link ContentVersions#rule version}. */
  public synchronized RuleSetRevision setState(String language, String ruleId, String state, String changedBy, EditPrecondition precondition) {
    caughtUp();
    RuleSet current = current(language);
    int index = indexOf(current, ruleId);
    if (index < 0) {
      throw ProblemException.notFound("rules " + language + " have no rule " + ruleId);
    }
    precondition.check("rule " + ruleId, ContentVersions.rule(current.rules().get(index)));
    if (!Rule.ACTIVE.equals(state) && !Rule.SHADOW.equals(state)) {
      throw ProblemException.invalid("state", "must be active or shadow");
    }
    List<Rule> changed = new ArrayList<>(current.rules());
    changed.set(index, changed.get(index).withState(state));
    return store(withRules(current, changed), changedBy);
  }

  /** Replaces (or adds) one lexicon's entries; {@code precondition} is checked against its {@link ContentVersions#lexicon version}. */
  public synchronized RuleSetRevision putLexicon(String language, String name, List<String> entries, String changedBy, EditPrecondition precondition) {
    caughtUp();
    RuleSet current = current(language);
    List<String> existing = current.lexicons().get(name);
    precondition.check("lexicon " + name, existing == null ? null : ContentVersions.lexicon(existing));
    if (entries == null) {
      throw ProblemException.invalid("body", "an array of entries is required");
    }
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i) == null || entries.get(i).isBlank()) {
        throw ProblemException.invalid("[" + i + "]", "must not be blank");
      }
    }
    Map<String, List<String>> lexicons = new LinkedHashMap<>(current.lexicons());
    lexicons.put(name, List.copyOf(entries));
    return store(new RuleSet(null, language, current.description(), current.noTargetFactor(), lexicons, current.rules()), changedBy);
  }

  public PolicyRevision currentPolicy() {
    Policy policy = policies.current();
    return repository.currentPolicy().filter(r -> r.version().equals(policy.version())).orElse(policies.shipped());
  }

  /** The policy the service started with, then the stored ones, oldest first. */
  public List<PolicyRevision> policyVersions() {
    List<PolicyRevision> versions = new ArrayList<>();
    versions.add(policies.shipped());
    repository.policyVersions().stream().filter(r -> !r.version().equals(policies.shipped().version())).forEach(versions::add);
    return versions;
  }

  public PolicyRevision policyVersion(String version) {
    return policyVersions().stream().filter(r -> r.version().equals(version)).findFirst()
        .orElseThrow(() -> ProblemException.notFound("the policy has no version " + version));
  }

  /**
   * Replaces the policy; validated as {@link Policy#load} validates a file (422 with the reason). {@code precondition}
   * is checked against the current policy's version.
   */
  public synchronized PolicyRevision replacePolicy(Policy policy, String changedBy, EditPrecondition precondition) {
    caughtUp();
    precondition.check("the policy", policies.current().version());
    if (policy == null) {
      throw ProblemException.invalid("body", "a policy is required");
    }
    Instant now = Instant.now();
    Policy versioned = policy.withVersion(ContentVersions.version("policy", policy.withVersion(null), now));
    try {
      versioned.validate();
    } catch (IllegalStateException | NullPointerException e) {
      throw new ProblemException(new Problem("https://modsuite.org/problems/invalid-policy", "Policy refused", 422,
          "the policy does not validate", null, List.of(new Problem.FieldError("policy", String.valueOf(e.getMessage())))));
    }
    PolicyRevision revision = new PolicyRevision(versioned.version(), changedBy, now, policies.shipped().base(), versioned);
    saved(() -> repository.save(revision));
    LOG.infof("policy %s stored", revision.version());
    return revision;
  }

  private RuleSetRevision store(RuleSet unversioned, String changedBy) {
    Instant now = Instant.now();
    String language = unversioned.language();
    RuleSet ruleSet = unversioned.withVersion(ContentVersions.version("rules-" + language, unversioned, now));
    try {
      rules.validate(ruleSet);
    } catch (RuleSetException e) {
      throw new ProblemException(refused(e.problems()));
    } catch (RuntimeException | StackOverflowError e) { // CoreNLP's parsers throw more than they document
      LOG.warnf("rules refused for %s: %s", language, e.toString());
      throw new ProblemException(refused(List.of("does not compile: " + e.getMessage())));
    }
    RuleSetRevision revision = new RuleSetRevision(language, ruleSet.version(), changedBy, now, rules.bundled(language).base(), ruleSet);
    saved(() -> repository.save(revision));
    LOG.infof("rules %s stored for %s", revision.version(), language);
    return revision;
  }

  /** 422 with one error per problem, naming the rule ({@code rules[en.x.y]}) or lexicon ({@code lexicons.NAME}). */
  static Problem refused(List<String> problems) {
    List<Problem.FieldError> errors = problems.stream().map(p -> {
      Matcher m = PROBLEM.matcher(p);
      if (!m.matches()) {
        return new Problem.FieldError("ruleSet", p);
      }
      return new Problem.FieldError(m.group(1).equals("rule") ? "rules[" + m.group(2) + "]" : "lexicons." + m.group(2), m.group(3));
    }).toList();
    String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
        : errors.size() + " problems: " + String.join(", ", errors.stream().map(Problem.FieldError::field).distinct().toList());
    return new Problem("https://modsuite.org/problems/invalid-rules", "Rules refused", 422, detail, null, errors);
  }

  private static void saved(Runnable save) {
    try {
      save.run();
    } catch (IllegalStateException e) {
      LOG.errorf(e, "storing a change failed");
      throw new ProblemException(Problem.of(503, "Service Unavailable", "The change could not be confirmed as stored and installed; check the versions and try again."));
    }
  }

  /** Reads what other replicas wrote before checking a precondition against it (503 when the topic cannot be read). */
  private void caughtUp() {
    try {
      repository.catchUp();
    } catch (IllegalStateException e) {
      LOG.errorf(e, "reading the latest changes failed");
      throw new ProblemException(Problem.of(503, "Service Unavailable", "The latest changes of other replicas could not be read; try again."));
    }
  }

  private void requireLanguage(String language) {
    if (!rules.supports(language)) {
      throw ProblemException.notFound("no rules for language " + language + "; languages: " + rules.languages());
    }
  }

  private static int indexOf(RuleSet ruleSet, String ruleId) {
    for (int i = 0; i < ruleSet.rules().size(); i++) {
      if (ruleSet.rules().get(i).id().equals(ruleId)) {
        return i;
      }
    }
    return -1;
  }

  private static RuleSet withRules(RuleSet current, List<Rule> rules) {
    return new RuleSet(null, current.language(), current.description(), current.noTargetFactor(), current.lexicons(), rules);
  }
}
