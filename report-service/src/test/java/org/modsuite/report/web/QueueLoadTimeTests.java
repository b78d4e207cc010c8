package org.modsuite.report.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.modsuite.localstack.LocalStackTestResource;
import org.modsuite.report.rest.Login;

/**
 * The queue page with 10,000 open cases, inserted with SQL and removed afterwards: the server time of a full page
 * (list, count, facet counts, rendering), unfiltered and filtered, measured over repeated requests after warm-up.
 * The figures are printed for docs/benchmarks.md; the bound only catches a page that became unusable.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class QueueLoadTimeTests {

  private static final int CASES = Integer.getInteger("dashboard.benchmark.cases", 10_000);
  private static final int RUNS = 20;

  @Inject
  AgroalDataSource db;

  @Test
  void theQueuePageLoadsQuicklyWithTenThousandOpenCases() throws Exception {
    String prefix = "bench:" + System.nanoTime() + ":";
    assertThat(CaseRows.manyCases(db, prefix, CASES)).isEqualTo(CASES);
    try {
      String session = Login.admin();
      for (int i = 0; i < 5; i++) {
        get(session, "/queue");
      }
      long[] all = measure(session, "/queue");
      long[] filtered = measure(session, "/queue?language=de&deadline=breached");
      long[] deep = measure(session, "/queue?page=100");
      System.out.printf(Locale.ROOT, "queue page, %d open cases, %d runs each: unfiltered median %d ms (p95 %d ms), filtered median %d ms (p95 %d ms),"
          + " page 100 median %d ms (p95 %d ms)%n", CASES, RUNS, all[0], all[1], filtered[0], filtered[1], deep[0], deep[1]);
      assertThat(all[0]).isLessThan(2_000);
    } finally {
      CaseRows.deleteCases(db, prefix);
    }
  }

  private long[] measure(String session, String path) {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      get(session, path);
      millis.add((System.nanoTime() - start) / 1_000_000);
    }
    Collections.sort(millis);
    return new long[] {millis.get(RUNS / 2), millis.get((int) Math.ceil(RUNS * 0.95) - 1)};
  }

  private static void get(String session, String path) {
    Response response = given().cookie("modsuite_session", session).get(path);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body().asString()).contains("id=\"next-case\"");
  }
}
