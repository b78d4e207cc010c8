package org.modsuite.report.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.report.rest.Login;
import org.modsuite.support.security.Roles;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in Debian's headless Chromium on the real stack: each role signs in through the form and does its
 * job — a public notice with its receipt and status link, a moderator working the most urgent case from the queue to
 * a decision with the keyboard, a trusted flagger's list and CSV upload, a compliance officer's page and an export
 * download, the admin pages — and the UI's role limits. Screenshots of the main pages are written on the way.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTests {

  private static final String PASSWORD = "a-browser-test-password";
  private static final String POST_TEXT = "Example post for the test: those people are vermin and should leave.";

  @TestHTTPResource("/")
  URL url;

  @Inject
  AgroalDataSource db;

  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String moderator = "mod-" + suffix;
  private final String compliance = "comp-" + suffix;
  private final String flagger = "tf-" + suffix;
  private final String organisation = "ngo-" + suffix;
  private Browser browser;
  private UUID severeCase;

  /** Once, but in @BeforeEach: Quarkus points RestAssured at the test port only per test. */
  @BeforeEach
  void setUp() throws Exception {
    if (browser != null) {
      return;
    }
    String admin = Login.admin();
    for (var user : List.of(Map.of("username", moderator, "roles", List.of(Roles.MODERATOR)),
        Map.of("username", compliance, "roles", List.of(Roles.COMPLIANCE)),
        Map.of("username", flagger, "roles", List.of(Roles.TRUSTED_FLAGGER)))) {
      given().auth().oauth2(admin).contentType("application/json")
          .body(Map.of("username", user.get("username"), "password", PASSWORD, "roles", user.get("roles"), "organisation", organisation))
          .post("/api/v1/users").then().statusCode(201);
    }
    given().auth().oauth2(admin).contentType("application/json").body(Map.of("organisation", organisation, "name", "Test NGO " + suffix,
        "coordinator", "Bundesnetzagentur", "expertise", List.of("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH"),
        "designatedAt", LocalDate.now().minusDays(10).toString())).post("/api/v1/trusted-flaggers").then().statusCode(201);
    // The most urgent case of the queue: severe, priority 100 (the analysis' manifest cases reach at most 80 + 40).
    severeCase = CaseRows.severeCase(db, "test:" + UUID.randomUUID(), POST_TEXT, "vermin", 100);
    browser = new Browser(url.toString(), "en-GB");
  }

  @AfterAll
  void tearDown() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  @Order(1)
  void theQueueNeedsASignIn() {
    browser.open("/queue");
    browser.waitFor("#username");
    assertThat(browser.driver().getCurrentUrl()).endsWith("/login");
  }

  @Test
  @Order(2)
  void anyoneSubmitsAPublicNoticeWithoutJavaScriptAndFollowsItsStatus() throws Exception {
    browser.open("/notices/new");
    assertThat(browser.driver().getTitle()).startsWith("Report illegal content");
    browser.screenshot("notice-form");
    // Missing elements come back named next to their fields.
    browser.find("#send-notice").click();
    browser.waitFor("#explanation-error");
    assertThat(browser.present("#url-error")).isTrue();
    assertThat(browser.present("#goodFaith-error")).isTrue();
    assertThat(browser.find("#explanation").getAttribute("aria-invalid")).isEqualTo("true");

    browser.find("#postUid").sendKeys("test:" + UUID.randomUUID());
    new Select(browser.find("#category")).selectByValue("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH");
    browser.find("#explanation").sendKeys("The post calls a group of people vermin; § 130 StGB.");
    browser.find("#notifierName").sendKeys("Nora Notifier");
    browser.find("#notifierEmail").sendKeys("nora@example.org");
    browser.find("#goodFaith").click();
    browser.find("#send-notice").click();
    browser.waitFor("#receipt");
    browser.screenshot("notice-receipt");
    browser.find("#status-link").click();
    assertThat(browser.waitFor("#notice-state").getText()).isEqualTo("received");
    assertThat(browser.driver().getTitle()).doesNotContain("vermin");
  }

  @Test
  @Order(3)
  void aModeratorWorksTheMostUrgentCaseFromQueueToDecision() throws Exception {
    browser.signIn(moderator, PASSWORD);
    assertThat(navLinks()).contains("/queue").doesNotContain("/admin", "/compliance");
    browser.find("nav a[href='/queue']").click();
    browser.waitFor("#next-case");
    assertThat(browser.find("#f-category").getText()).contains("dehumanisation (");
    assertThat(browser.text()).contains("Severe cases you reviewed today: 0");
    browser.screenshot("queue");

    // One key: N claims the most urgent case and opens it.
    new Actions(browser.driver()).sendKeys("n").perform();
    browser.waitFor("#decision-form");
    assertThat(browser.driver().getCurrentUrl()).endsWith("/cases/" + severeCase);
    assertThat(browser.driver().getTitle()).startsWith("Case " + severeCase.toString().substring(0, 8)).doesNotContain("vermin");
    // Severe text stays hidden until revealed; the analysis' span is highlighted.
    WebElement hidden = browser.find("details#post-text");
    assertThat(hidden.getAttribute("open")).isNull();
    assertThat(browser.find("mark").isDisplayed()).isFalse();
    hidden.findElement(By.tagName("summary")).click();
    assertThat(browser.find("mark").getText()).isEqualTo("vermin");
    assertThat(browser.text()).contains("model-test-1", "rules-test-1", "policy-test-1", "dehumanising-metaphor");
    browser.screenshot("case");

    // Server-side checks: the errors stand next to their fields.
    browser.find("#action-remove").click();
    browser.find("#decide").click();
    browser.waitFor("#explanation-error");
    assertThat(browser.present("#ground-error")).isTrue();
    browser.screenshot("case-errors");

    // Shortcut 1: remove as illegal content; then the legal ground and the explanation.
    browser.driver.executeScript("document.activeElement.blur()");
    new Actions(browser.driver()).sendKeys("1").perform();
    assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("explanation");
    browser.find("#explanation").sendKeys("Calls a group of people vermin and incites hatred against them.");
    browser.find("#legalGround").sendKeys("§ 130 StGB (Volksverhetzung)");
    browser.find("#territorialScope").sendKeys("DE");
    browser.find("#decide").click();
    browser.waitFor("#decision-done");
    assertThat(browser.find("#case-state").getText()).isEqualTo("decided");
    assertThat(browser.find("#decisions").getText()).contains("remove", moderator, "§ 130 StGB");
    assertThat(browser.text()).contains("Severe cases you reviewed today: 1");

    // Role limits: no admin or compliance pages for a moderator.
    browser.open("/admin");
    assertThat(browser.waitFor("h1").getText()).isEqualTo("Not allowed");
    browser.open("/compliance");
    assertThat(browser.waitFor("h1").getText()).isEqualTo("Not allowed");
    browser.open("/");
    browser.signOut();
  }

  @Test
  @Order(4)
  void aTrustedFlaggerSeesTheOrganisationsNoticesAndUploadsACsv() throws Exception {
    browser.signIn(flagger, PASSWORD);
    assertThat(navLinks()).contains("/notices/mine", "/notices/bulk").doesNotContain("/queue", "/admin");
    Path csv = Files.createTempFile("notices", ".csv");
    Files.writeString(csv, """
        url,postUid,category,explanation,keywords
        ,test:bulk-%1$s-1,STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH,Insults a group of people for their origin.,KEYWORD_HATE_SPEECH
        https://social.example/p/%1$s,,STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH,Threatens a journalist with violence.,
        ,test:bulk-%1$s-3,NOT_A_CATEGORY,Too short,
        """.formatted(suffix));
    browser.find("nav a[href='/notices/bulk']").click();
    browser.find("#notifierName").sendKeys("Tilda Flagger");
    browser.find("#notifierEmail").sendKeys("reports@ngo.example");
    browser.find("#file").sendKeys(csv.toString());
    browser.find("#bulk-submit").click();
    assertThat(browser.waitFor("#bulk-result").getText()).as(browser.text()).isEqualTo("2 notices submitted, 1 rows refused.");
    browser.screenshot("bulk-upload");
    browser.find("nav a[href='/notices/mine']").click();
    assertThat(browser.waitFor("#our-notices").findElements(By.cssSelector("tbody tr"))).hasSize(2);
    browser.screenshot("our-notices");
    browser.open("/queue");
    assertThat(browser.waitFor("h1").getText()).isEqualTo("Not allowed");
    browser.open("/");
    browser.signOut();
  }

  @Test
  @Order(5)
  void aComplianceOfficerSeesClocksStatementsTheReportAndDownloadsAnExport() throws Exception {
    browser.signIn(compliance, PASSWORD);
    assertThat(navLinks()).contains("/compliance").doesNotContain("/queue", "/admin");
    browser.find("nav a[href='/compliance']").click();
    browser.waitFor("#chart-category");
    assertThat(browser.present("#statement-states")).isTrue();
    assertThat(browser.find("#chart-automated").findElements(By.tagName("rect"))).hasSize(2);
    browser.find("#audit-check").click();
    // Other tests of this JVM may break the chain on purpose (ExportAndReportTests): only the check itself is asserted.
    assertThat(browser.waitFor("#audit-result").getText()).containsAnyOf("Intact", "Broken");
    browser.screenshot("compliance");

    browser.find("#export-decisions-csv").click();
    Path file = await().atMost(Duration.ofSeconds(30)).until(() -> {
      try (var files = Files.list(browser.downloads)) {
        return files.filter(p -> p.getFileName().toString().endsWith(".csv")).findFirst().orElse(null);
      }
    }, p -> p != null);
    assertThat(Files.readString(file)).contains("§ 130 StGB");

    // The same export in the background: a progress page that refreshes itself, then the download.
    new Select(browser.find("#export-kind")).selectByValue("decisions");
    new Select(browser.find("#export-format")).selectByValue("csv");
    browser.find("#start-export").click();
    browser.waitFor("#export-download");
    assertThat(browser.find("#export-rows").getText()).contains("rows written");
    browser.screenshot("export-job");
    browser.find("#export-download").click();
    Path second = await().atMost(Duration.ofSeconds(30)).until(() -> {
      try (var files = Files.list(browser.downloads)) {
        return files.filter(p -> p.getFileName().toString().endsWith(".csv") && !p.equals(file)).findFirst().orElse(null);
      }
    }, p -> p != null);
    assertThat(Files.readString(second)).isEqualTo(Files.readString(file));
    // The decided case, read-only: the whole record, no claim and no decision form.
    browser.open("/compliance");
    browser.find("#case-id").sendKeys(severeCase.toString());
    browser.find("#open-case-submit").click();
    browser.waitFor("#read-only");
    assertThat(browser.driver().getCurrentUrl()).endsWith("/cases/" + severeCase);
    assertThat(browser.find("#case-state").getText()).isEqualTo("decided");
    assertThat(browser.find("#decisions").getText()).contains("remove", moderator, "§ 130 StGB");
    assertThat(browser.present("#decision-form")).isFalse();
    assertThat(browser.present("#claim")).isFalse();
    assertThat(browser.find("details#post-text").getAttribute("open")).isNull();
    browser.screenshot("case-compliance");

    browser.open("/admin");
    assertThat(browser.waitFor("h1").getText()).isEqualTo("Not allowed");
    browser.open("/");
    browser.signOut();
  }

  @Test
  @Order(6)
  void anAdminManagesUsersAndTheFlaggerRegisterAndSwitchesToGerman() throws Exception {
    browser.signIn("admin", Login.ADMIN_PASSWORD);
    assertThat(navLinks()).contains("/queue", "/compliance", "/admin");
    browser.find("nav a[href='/admin']").click();
    assertThat(browser.waitFor("#users").getText()).contains(moderator, flagger);
    assertThat(browser.find("#flaggers").getText()).contains(organisation);
    String newUser = "new-" + suffix;
    browser.find("#username").sendKeys(newUser);
    browser.find("#password").sendKeys("short");
    browser.find("#role-moderator").click();
    browser.find("#new-user button[type=submit]").click();
    browser.waitFor("#password-error");
    browser.find("#password").sendKeys("a-long-enough-password");
    browser.find("#role-moderator").click();
    browser.find("#new-user button[type=submit]").click();
    assertThat(browser.waitFor("#user-created").getText()).contains(newUser);

    // An existing user: the moderator also becomes a compliance officer; the new user is disabled. Both are audited.
    browser.find("#edit-" + moderator).click();
    assertThat(browser.waitFor("#role-moderator").isSelected()).isTrue();
    browser.find("#role-compliance").click();
    browser.screenshot("admin-user-edit");
    browser.find("#save-user").click();
    assertThat(browser.waitFor("#user-changed").getText()).contains(moderator);
    assertThat(rowOf("#users", moderator)).contains("moderator, compliance");
    browser.find("#edit-" + newUser).click();
    browser.waitFor("#disabled").click();
    browser.find("#save-user").click();
    browser.waitFor("#user-changed");
    assertThat(rowOf("#users", newUser)).contains("disabled");
    assertThat(auditCount("user changed", moderator)).isEqualTo(1);
    // No self lock-out: the signed-in admin cannot drop their own admin role.
    browser.find("#edit-admin").click();
    browser.waitFor("#role-admin").click();
    browser.find("#save-user").click();
    assertThat(browser.waitFor("#roles-error").getText()).contains("own admin role");

    // The trusted-flagger register: a new entry (first without expertise, refused next to the field), then an edit.
    browser.open("/admin");
    browser.waitFor("#new-flagger").click();
    String newOrganisation = "ngo2-" + suffix;
    browser.waitFor("#organisation").sendKeys(newOrganisation);
    browser.find("#name").sendKeys("Second NGO " + suffix);
    browser.find("#coordinator").sendKeys("Bundesnetzagentur");
    browser.find("#contactEmail").sendKeys("not-an-address");
    browser.find("#save-flagger").click();
    assertThat(browser.waitFor("#expertise-error").getText()).contains("STATEMENT_CATEGORY");
    assertThat(browser.find("#contactEmail").getAttribute("aria-invalid")).isEqualTo("true");
    browser.find("#expertise-STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH").click();
    browser.find("#contactEmail").clear();
    browser.find("#contactEmail").sendKeys("reports@ngo2.example");
    browser.find("#save-flagger").click();
    assertThat(browser.waitFor("#flagger-saved").getText()).contains(newOrganisation);
    assertThat(rowOf("#flaggers", newOrganisation)).contains("reports@ngo2.example", "Illegal or harmful speech");
    browser.find("#edit-flagger-" + organisation).click();
    assertThat(browser.waitFor("#organisation").getAttribute("readonly")).isNotNull();
    browser.find("#coordinator").clear();
    browser.find("#coordinator").sendKeys("Landesmedienanstalt NRW");
    browser.find("#expertise-STATEMENT_CATEGORY_VIOLENCE").click();
    browser.screenshot("admin-flagger-edit");
    browser.find("#save-flagger").click();
    browser.waitFor("#flagger-saved");
    assertThat(rowOf("#flaggers", organisation)).contains("Landesmedienanstalt NRW", "Illegal or harmful speech, Violence");
    assertThat(auditCount("trusted_flagger.changed", null)).isPositive();
    browser.screenshot("admin");

    // The sources overview, read from a stand-in ingestion-service.
    try (FakeIngestion ingestion = FakeIngestion.start(200, FakeIngestion.sampleSources())) {
      browser.find("#sources-link").click();
      assertThat(browser.waitFor("#sources").getText()).contains("mastodon-social", "backing_off", "154");
      browser.screenshot("sources");
    }

    browser.find("nav a[href='/settings']").click();
    new Select(browser.waitFor("#lang")).selectByValue("de");
    browser.find("#save-settings").click();
    assertThat(browser.waitFor("nav a[href='/queue']").getText()).isEqualTo("Prüfwarteschlange");
    assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
    browser.find("nav a[href='/queue']").click();
    assertThat(browser.waitFor("h1").getText()).isEqualTo("Prüfwarteschlange");
    browser.screenshot("queue-de");
  }

  /** The text of the row of a table whose first cell is {@code first}. */
  private String rowOf(String table, String first) {
    return browser.find(table).findElements(By.cssSelector("tbody tr")).stream()
        .filter(tr -> tr.findElements(By.tagName("td")).get(0).getText().equals(first)).findFirst().map(WebElement::getText)
        .orElseThrow(() -> new AssertionError("no row " + first + " in " + table));
  }

  private long auditCount(String action, String target) throws Exception {
    try (var c = db.getConnection(); var q = c.prepareStatement("SELECT count(*) FROM audit_event WHERE action = ? AND (? IS NULL OR target = ?)")) {
      q.setString(1, action);
      q.setString(2, target);
      q.setString(3, target);
      try (var rows = q.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private List<String> navLinks() {
    return browser.driver().findElements(By.cssSelector("header nav a")).stream().map(a -> a.getAttribute("href").replaceFirst("^https?://[^/]+", ""))
        .toList();
  }
}
