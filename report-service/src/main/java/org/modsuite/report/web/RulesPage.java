package org.modsuite.report.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import org.modsuite.report.client.ModerationClient;
import org.modsuite.report.client.PolicySummary;
import org.modsuite.report.client.ShadowRuleStats;
import org.modsuite.report.client.VersionInfo;
import org.modsuite.support.security.Roles;

/**
 * The admin's view of moderation-service's rules and policy: per language the current rule set version, its history
 * (who, when) and the shadow rules with their counts; the current policy with its history. Read only: changes go
 * through moderation-service's API. When moderation-service cannot be read the page says so (200), never a 500.
 */
@Path("/admin/rules")
@Produces(MediaType.TEXT_HTML)
public class RulesPage {

  private final Pages pages;
  private final ModerationClient moderation;
  private final HttpServerRequest request;
  private final Template template;

  public RulesPage(Pages pages, ModerationClient moderation, HttpServerRequest request, @Location("rules.html") Template template) {
    this.pages = pages;
    this.moderation = moderation;
    this.request = request;
    this.template = template;
  }

  /** One version as a table row, {@code changedAt} in UTC. */
  public record VersionRow(String version, String changedBy, String changedAt, boolean current) {

    static List<VersionRow> newestFirst(List<VersionInfo> versions) {
      List<VersionRow> rows = new ArrayList<>(versions.stream()
          .map(v -> new VersionRow(v.version(), v.changedBy(), time(v.changedAt()), v.current())).toList());
      Collections.reverse(rows);
      return rows;
    }
  }

  /** One shadow rule with its counts. */
  public record ShadowRow(String ruleId, String description, String since, long evaluated, long matched, long wouldChange) {

    static ShadowRow of(ShadowRuleStats s) {
      return new ShadowRow(s.ruleId(), s.description(), time(s.since()), s.evaluated(), s.matched(), s.wouldChange());
    }
  }

  /** One language's rules: the current version, its history newest first, and its shadow rules. */
  public record LanguageRules(String language, String version, List<VersionRow> versions, List<ShadowRow> shadow) {
  }

  @GET
  public Uni<Response> page() {
    return pages.page(request, Set.of(Roles.ADMIN), user -> Uni.combine().all()
        .unis(languages(), moderation.policy(), moderation.policyVersions()).asTuple()
        .map(t -> render(user, t.getItem1(), t.getItem2(), VersionRow.newestFirst(t.getItem3()), false))
        .onFailure().recoverWithItem(e -> {
          Log.infof("rules page: moderation-service at %s not readable: %s", moderation.baseUrl(), e.toString());
          return render(user, List.of(), null, List.of(), true);
        }));
  }

  /** Every language with its versions and shadow rules, read at once, in language order. */
  private Uni<List<LanguageRules>> languages() {
    return moderation.rules().chain(current -> {
      if (current.isEmpty()) {
        return Uni.createFrom().item(List.<LanguageRules>of());
      }
      List<Uni<LanguageRules>> reads = new TreeMap<>(current).entrySet().stream()
          .map(e -> Uni.combine().all().unis(moderation.ruleVersions(e.getKey()), moderation.shadowRules(e.getKey())).asTuple()
              .map(t -> new LanguageRules(e.getKey(), e.getValue(), VersionRow.newestFirst(t.getItem1()),
                  t.getItem2().stream().map(ShadowRow::of).toList())))
          .toList();
      return Uni.join().all(reads).andFailFast();
    });
  }

  private Response render(PageUser user, List<LanguageRules> languages, PolicySummary policy, List<VersionRow> policyVersions,
      boolean unreachable) {
    Map<String, Object> data = new HashMap<>();
    data.put("languages", languages);
    data.put("policy", policy);
    data.put("policyVersions", policyVersions);
    data.put("unreachable", unreachable);
    data.put("moderationUrl", moderation.baseUrl());
    return pages.html(template, user, data);
  }

  private static String time(Instant t) {
    return t == null ? "–" : PageExtensions.utc(t);
  }
}
