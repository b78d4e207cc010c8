package org.modsuite.report.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The dashboard's texts from {@code messages/dashboard.properties} (English, the default) and
 * {@code messages/dashboard_de.properties}, read once as UTF-8. Templates read them as {@code {t.key}} and format
 * the ones with arguments with {@code {t.fmt('key', arg)}} (see {@link PageExtensions}).
 */
@ApplicationScoped
public class DashboardTexts {

  public static final List<String> LANGUAGES = List.of("en", "de");

  private final Map<String, Map<String, String>> byLanguage = new LinkedHashMap<>();

  public DashboardTexts() {
    Map<String, String> english = load("messages/dashboard.properties");
    byLanguage.put("en", english);
    Map<String, String> german = new LinkedHashMap<>(english);
    german.putAll(load("messages/dashboard_de.properties"));
    byLanguage.put("de", Collections.unmodifiableMap(german));
  }

  /** The texts of a language of {@link #LANGUAGES}; English for any other. */
  public Map<String, String> of(String lang) {
    return byLanguage.getOrDefault(lang, byLanguage.get("en"));
  }

  private static Map<String, String> load(String resource) {
    Properties properties = new Properties();
    try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> texts = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(k -> texts.put(k, properties.getProperty(k)));
    return Collections.unmodifiableMap(texts);
  }
}
