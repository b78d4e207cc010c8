package org.modsuite.ingestion.connector;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.modsuite.ingestion.rest.PostRequest;

/**
 * One fetched page.
 *
 * @param posts the posts to publish, oldest first
 * @param cursor the position to commit once all posts are acknowledged
 * @param more whether another page is waiting right now (catch-up)
 * @param seen a feed's new seen-set, committed with the cursor; null for cursor-based sources
 * @param skipped items that were read but not published (boosts, private, unreadable), counted and logged
 * @param gap whether posts may have been missed (a feed whose every item was new)
 * @param pause how long the platform asked us to wait before the next request (rate limit nearly spent), or null
 * @param newestPostAt creation time of the newest post in the page, or null
 */
public record FetchResult(List<PostRequest> posts, String cursor, boolean more, Map<String, String> seen, int skipped, boolean gap,
    Duration pause, Instant newestPostAt) {
}
