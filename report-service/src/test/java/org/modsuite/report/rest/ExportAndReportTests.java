package org.modsuite.report.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.report.export.StatementCsvColumns;
import org.modsuite.support.security.Roles;

/** Compliance exports, the transparency report, the legal clocks and the audit chain's tamper check, on the real database. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ExportAndReportTests {

  private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();
  private static String compliance;
  private static String puid;

  @Inject
  AgroalDataSource dataSource;

  @BeforeEach
  void decideOneNoticeOnce() {
    if (compliance != null) {
      return;
    }
    compliance = Login.newUser("compliance-" + UUID.randomUUID().toString().substring(0, 8), "a-compliance-password", List.of(Roles.COMPLIANCE));
    String caseId = given().contentType("application/json").body(NoticeToDecisionTests.notice("test:" + UUID.randomUUID()))
        .post("/api/v1/notices").then().statusCode(201).extract().path("items[0].caseId");
    String moderator = NoticeToDecisionTests.moderator();
    given().auth().oauth2(moderator).post("/api/v1/cases/" + caseId + "/claim").then().statusCode(200);
    puid = given().auth().oauth2(moderator).contentType("application/json").body(NoticeToDecisionTests.illegalRemoval())
        .post("/api/v1/cases/" + caseId + "/decisions").then().statusCode(201).extract().path("statementPuid");
  }

  @Test
  void statementsExportInTheTransparencyDatabaseFormats() throws Exception {
    JsonPath json = given().auth().oauth2(compliance).queryParam("format", "json").queryParam("from", TODAY).queryParam("to", TODAY)
        .get("/api/v1/exports/statements").then().statusCode(200).extract().jsonPath();
    assertThat(json.getList("statements.puid", String.class)).contains(puid);
    assertThat(json.getString("statements.find { it.puid == '" + puid + "' }.illegal_content_legal_ground")).isEqualTo("§ 130 StGB (Volksverhetzung)");

    String csv = given().auth().oauth2(compliance).queryParam("from", TODAY).queryParam("to", TODAY).get("/api/v1/exports/statements")
        .then().statusCode(200).extract().asString();
    List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
    assertThat(records.get(0).getParser().getHeaderNames()).containsExactlyElementsOf(StatementCsvColumns.FULL);
    assertThat(records).anyMatch(r -> r.get("platform_uid").equals(puid) && r.get("decision_ground").equals("DECISION_GROUND_ILLEGAL_CONTENT"));

    byte[] xlsx = given().auth().oauth2(compliance).queryParam("format", "xlsx").queryParam("from", TODAY).queryParam("to", TODAY)
        .get("/api/v1/exports/decisions").then().statusCode(200).extract().asByteArray();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("id");
      assertThat(book.getSheetAt(0).getLastRowNum()).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void badExportRequestsNameTheField() {
    given().auth().oauth2(compliance).queryParam("format", "docx").queryParam("from", TODAY).queryParam("to", TODAY)
        .get("/api/v1/exports/cases").then().statusCode(400).body("errors.field", hasItems("format"));
    given().auth().oauth2(compliance).queryParam("to", "2026-13-01").get("/api/v1/exports/cases").then().statusCode(400)
        .body("errors.field", hasItems("from", "to"));
    given().auth().oauth2(compliance).queryParam("from", "2026-02-01").queryParam("to", "2026-01-01").get("/api/v1/exports/cases")
        .then().statusCode(400).body("errors.field", hasItems("to"));
    given().auth().oauth2(compliance).queryParam("from", TODAY).queryParam("to", TODAY).get("/api/v1/exports/secrets").then().statusCode(404);
  }

  @Test
  void theTransparencyReportCountsTheNoticesAndRendersAsPdf() {
    given().auth().oauth2(compliance).queryParam("from", TODAY).queryParam("to", TODAY).get("/api/v1/reports/transparency")
        .then().statusCode(200)
        .body("sections.'4_notices'.find { it.Category == 'TOTAL' }.'Number of notices received'", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    byte[] pdf = given().auth().oauth2(compliance).queryParam("format", "pdf").queryParam("from", TODAY).queryParam("to", TODAY)
        .get("/api/v1/reports/transparency").then().statusCode(200).contentType("application/pdf").extract().asByteArray();
    assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    given().auth().oauth2(compliance).get("/api/v1/clocks").then().statusCode(200);
  }

  @Test
  void theAuditChainNamesATamperedRow() throws Exception {
    given().auth().oauth2(compliance).get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      var last = s.executeQuery("SELECT id, outcome FROM audit_event ORDER BY id DESC LIMIT 1");
      last.next();
      long id = last.getLong(1);
      String outcome = last.getString(2);
      s.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
      try {
        s.execute("UPDATE audit_event SET outcome = 'forged' WHERE id = " + id);
        given().auth().oauth2(compliance).get("/api/v1/audit/verify").then().statusCode(200)
            .body("intact", equalTo(false)).body("firstBrokenId", equalTo((int) id));
        s.execute("UPDATE audit_event SET outcome = '" + outcome.replace("'", "''") + "' WHERE id = " + id);
      } finally {
        s.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
      }
      assertThat(s.executeUpdate("INSERT INTO audit_event (actor, action, outcome) VALUES ('test', 'probe', 'ok')")).isEqualTo(1);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.execute("DELETE FROM audit_event WHERE id = " + id))
          .hasMessageContaining("append-only");
    }
    given().auth().oauth2(compliance).get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
  }
}
