package org.modsuite.moderation.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.modsuite.moderation.service.rules.Rule;

/**
 * Version strings of edited rule sets and policies: {@code <prefix>-<yyyy.MM.dd>-<hash>}, the UTC day of the change and
 * the first 8 hex digits of the SHA-256 of the content (without its version, maps ordered by key). Content-addressed,
 * so replicas never hand out one version for two contents, and writing the same content again the same day gives the
 * same version.
 */
public final class ContentVersions {

  private static final ObjectMapper CANONICAL = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);

  private ContentVersions() {
  }

  /** The content hash of a rule set or policy whose version has been blanked. */
  public static String hash(Object contentWithoutVersion) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsString(contentWithoutVersion).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash " + contentWithoutVersion.getClass().getSimpleName(), e);
    }
  }

  /** The version of one rule: the content hash of the rule (id, pattern, state, examples, …). Its entity tag and shadow count key. */
  public static String rule(Rule rule) {
    return hash(rule);
  }

  /** The version of one lexicon: the content hash of its entries. */
  public static String lexicon(List<String> entries) {
    return hash(entries);
  }

  public static String version(String prefix, Object contentWithoutVersion, Instant at) {
    return prefix + "-" + DAY.format(at) + "-" + hash(contentWithoutVersion);
  }
}
