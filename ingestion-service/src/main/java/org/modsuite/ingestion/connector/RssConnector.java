package org.modsuite.ingestion.connector;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.logging.Log;
import org.modsuite.events.PostOp;
import org.modsuite.ingestion.rest.PostRequest;
import org.modsuite.support.rest.Problem;

/**
 * RSS 2.0 and Atom feeds (INGESTION-SOURCES.md §6), parsed with Rome. A feed is a sliding window without a cursor, so
 * the connector keeps a seen-set per feed: item key (Atom {@code id}, else RSS {@code guid}, else a hash of link, title
 * and date) to a hash of its content. A new key is published as {@code create}, a changed hash as {@code update}, an
 * unchanged item not at all. When every item of a fetch is new, posts may have rolled out of the window unseen: that is
 * reported as a gap (log warning and metric). Conditional GET ({@code ETag}, {@code Last-Modified}) makes an unchanged
 * feed cost a 304; the two validators are the cursor.
 *
 * <p>Settings: {@code url}. Secret: none.
 */
@ApplicationScoped
public class RssConnector implements Connector {

  private final PlatformHttp http;

  public RssConnector(PlatformHttp http) {
    this.http = http;
  }

  @Override
  public SourceType type() {
    return SourceType.RSS;
  }

  @Override
  public List<Problem.FieldError> validate(Map<String, String> settings) {
    List<Problem.FieldError> errors = new ArrayList<>();
    String url = settings.get("url");
    if (url == null || !url.matches("^https?://\\S+$") || url.length() > 2048) {
      errors.add(new Problem.FieldError("settings.url", "must be the feed's http(s) URL"));
    }
    settings.keySet().stream().filter(k -> !k.equals("url"))
        .forEach(k -> errors.add(new Problem.FieldError("settings." + k, "is not a feed setting (url)")));
    return errors;
  }

  @Override
  public FetchResult fetch(SourceContext source) throws FetchException {
    String url = source.settings().get("url");
    Map<String, String> headers = new HashMap<>();
    String[] validators = source.cursor() == null ? new String[0] : source.cursor().split("\n", -1);
    if (validators.length == 2 && !source.seen().isEmpty()) {
      if (!validators[0].isEmpty()) {
        headers.put("If-None-Match", validators[0]);
      }
      if (!validators[1].isEmpty()) {
        headers.put("If-Modified-Since", validators[1]);
      }
    }
    HttpResponse<String> response = http.get(URI.create(url), headers);
    if (response.statusCode() == 304) {
      return new FetchResult(List.of(), source.cursor(), false, null, 0, false, null, null);
    }
    SyndFeed feed;
    try {
      feed = new SyndFeedInput().build(new StringReader(response.body()));
    } catch (FeedException | IllegalArgumentException e) {
      throw new FetchException(FetchException.Kind.GARBAGE, "feed " + URI.create(url).getHost() + " is not RSS or Atom: " + e.getMessage());
    }
    String feedKey = Hashes.sha256(url).substring(0, 16);
    String feedLanguage = language(feed.getLanguage());
    Map<String, String> seenAfter = new LinkedHashMap<>();
    List<PostRequest> posts = new ArrayList<>();
    int skipped = 0;
    int unseen = 0;
    Instant newest = null;
    List<SyndEntry> entries = new ArrayList<>(feed.getEntries());
    entries.sort(Comparator.comparing(RssConnector::published, Comparator.nullsFirst(Comparator.naturalOrder())));
    for (SyndEntry entry : entries) {
      String title = entry.getTitle() == null ? "" : entry.getTitle().strip();
      String body = HtmlText.toPlain(content(entry));
      String text = title.isEmpty() ? body : body.isEmpty() ? title : title + "\n\n" + body;
      String key = key(entry);
      String hash = Hashes.sha256(title + "\u0000" + body);
      if (seenAfter.containsKey(key)) {
        skipped++; // the same id twice in one document: the first one counts
        continue;
      }
      seenAfter.put(key, hash);
      String previous = source.seen().get(key);
      if (previous == null) {
        unseen++;
      }
      if (hash.equals(previous)) {
        continue;
      }
      Instant created = published(entry);
      if (text.isBlank() || created == null) {
        skipped++;
        continue;
      }
      Instant updated = updated(entry, created);
      Instant edited = previous == null || updated != null ? updated : http.clock().instant();
      String link = entry.getLink() != null && entry.getLink().matches("^https?://\\S+$") ? entry.getLink() : null;
      posts.add(new PostRequest(null, "rss", feedKey + ":" + key, link, entry.getAuthor() == null || entry.getAuthor().isBlank() ? null
          : entry.getAuthor(), text, feedLanguage, created, edited, null, null, source.id(), previous == null ? PostOp.CREATE : PostOp.UPDATE));
      newest = newest == null || created.isAfter(newest) ? created : newest;
    }
    boolean gap = !source.seen().isEmpty() && !entries.isEmpty() && unseen == entries.size();
    if (gap) {
      Log.warnf("source %s: every one of the %d items is new; items may have left the feed before they were read (poll more often)",
          source.id(), entries.size());
    }
    String cursor = response.headers().firstValue("ETag").orElse("") + "\n" + response.headers().firstValue("Last-Modified").orElse("");
    Duration pause = RateLimitHeaders.pauseWhenSpent(response.headers(), http.clock().instant()).orElse(null);
    return new FetchResult(posts, cursor, false, seenAfter, skipped, gap, pause, newest);
  }

  /** Atom id or RSS guid, else a hash of link, title and date. */
  static String key(SyndEntry entry) {
    if (entry.getUri() != null && !entry.getUri().isBlank()) {
      return entry.getUri().length() > 300 ? Hashes.sha256(entry.getUri()) : entry.getUri();
    }
    return Hashes.sha256(entry.getLink() + "|" + entry.getTitle() + "|" + entry.getPublishedDate());
  }

  private static String content(SyndEntry entry) {
    for (SyndContent c : entry.getContents()) {
      if (c.getValue() != null && !c.getValue().isBlank()) {
        return c.getValue();
      }
    }
    return entry.getDescription() == null ? "" : entry.getDescription().getValue();
  }

  private static Instant published(SyndEntry entry) {
    if (entry.getPublishedDate() != null) {
      return entry.getPublishedDate().toInstant();
    }
    return entry.getUpdatedDate() == null ? null : entry.getUpdatedDate().toInstant();
  }

  private static Instant updated(SyndEntry entry, Instant created) {
    return entry.getUpdatedDate() != null && entry.getUpdatedDate().toInstant().isAfter(created) ? entry.getUpdatedDate().toInstant() : null;
  }

  /** "de-de" → "de-DE"-ish tags that pass the BCP 47 check; anything unreadable is dropped. */
  private static String language(String tag) {
    if (tag == null) {
      return null;
    }
    String t = tag.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return t.matches("^[a-z]{2,3}(-[a-z0-9]{1,8})*$") ? t : null;
  }
}
