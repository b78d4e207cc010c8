package org.modsuite.ingestion.connector;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.modsuite.support.rest.Problem;

/**
 * Settings of a Bluesky Jetstream source (INGESTION-SOURCES.md §2.5): {@code endpoint} (the v1 {@code /subscribe} URL,
 * default {@value #DEFAULT_ENDPOINT}) and {@code wantedDids} (comma-separated DIDs; absent = every account). The
 * subscription always asks for {@code wantedCollections=app.bsky.feed.post} only.
 */
@ApplicationScoped
public class JetstreamSettings implements SourceSettings {

  public static final String DEFAULT_ENDPOINT = "wss://jetstream1.us-east.bsky.network/subscribe";
  public static final String POST_COLLECTION = "app.bsky.feed.post";

  @Override
  public SourceType type() {
    return SourceType.BLUESKY;
  }

  @Override
  public List<Problem.FieldError> validate(Map<String, String> settings) {
    List<Problem.FieldError> errors = new ArrayList<>();
    String endpoint = settings.get("endpoint");
    if (endpoint != null && !endpoint.matches("^wss?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._/-]*)?$")) {
      errors.add(new Problem.FieldError("settings.endpoint", "must be a Jetstream WebSocket URL, such as " + DEFAULT_ENDPOINT));
    }
    String dids = settings.get("wantedDids");
    if (dids != null && !dids.matches("^did:[a-z]+:[A-Za-z0-9._:%-]{1,200}(,\\s*did:[a-z]+:[A-Za-z0-9._:%-]{1,200}){0,9999}$")) {
      errors.add(new Problem.FieldError("settings.wantedDids", "must be comma-separated DIDs, such as did:plc:abc123"));
    }
    settings.keySet().stream().filter(k -> !List.of("endpoint", "wantedDids").contains(k))
        .forEach(k -> errors.add(new Problem.FieldError("settings." + k, "is not a Bluesky setting (endpoint, wantedDids)")));
    return errors;
  }

  /** The subscription URL; {@code cursorMicros} null subscribes at the live tip. Jetstream's cursor is inclusive. */
  public static URI subscribeUri(Map<String, String> settings, Long cursorMicros) {
    StringBuilder uri = new StringBuilder(settings.getOrDefault("endpoint", DEFAULT_ENDPOINT)).append("?wantedCollections=")
        .append(POST_COLLECTION);
    if (settings.containsKey("wantedDids")) {
      Arrays.stream(settings.get("wantedDids").split(",")).map(String::trim)
          .forEach(did -> uri.append("&wantedDids=").append(URLEncoder.encode(did, StandardCharsets.UTF_8)));
    }
    if (cursorMicros != null) {
      uri.append("&cursor=").append(cursorMicros);
    }
    return URI.create(uri.toString());
  }
}
