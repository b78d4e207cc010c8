package org.modsuite.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DashboardTextsTests {

  private final DashboardTexts texts = new DashboardTexts();

  @Test
  void germanTranslatesEveryEnglishText() throws Exception {
    var german = new java.util.Properties();
    try (var in = getClass().getClassLoader().getResourceAsStream("messages/dashboard_de.properties")) {
      german.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(german.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(texts.of("en").keySet());
    assertThat(texts.of("de").get("queue_title")).isEqualTo("Prüfwarteschlange");
  }

  @Test
  void otherLanguagesGetEnglishAndArgumentsAreFilledIn() {
    Map<String, String> fallback = texts.of("fr");
    assertThat(fallback.get("queue_title")).isEqualTo("Review queue");
    assertThat(PageExtensions.fmt(fallback, "queue_total", 12)).isEqualTo("12 cases");
    assertThat(PageExtensions.fmt2(texts.of("de"), "bulk_result", 2, 1)).isEqualTo("2 Meldungen gesendet, 1 Zeilen abgelehnt.");
  }
}
