package org.modsuite.ingestion.connector;

import java.util.Map;

/**
 * What a connector needs for one fetch.
 *
 * @param id the source instance's id, used as the posts' {@code sourceName}
 * @param settings the instance's non-secret settings
 * @param secret its decrypted token, or null
 * @param cursor the last committed position, or null before the first page
 * @param seen a feed's seen-set (item key to content hash); empty for other sources
 */
public record SourceContext(String id, Map<String, String> settings, String secret, String cursor, Map<String, String> seen) {
}
