package org.modsuite.ingestion.connector;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.modsuite.ingestion.config.IngestionConfig;

/**
 * GET (and form POST) requests to platforms with the JDK HttpClient, turning every answer that is not a page into a {@link FetchException}
 * of the right kind: 429 and 503 with their waits, other 5xx and timeouts transient, 401/403/404/410 refused.
 */
@ApplicationScoped
public class PlatformHttp {

  private static final String USER_AGENT = "ModSuite-ingestion/0.1 (content moderation research)";

  private final HttpClient client;
  private final Duration timeout;
  private final Clock clock;

  public PlatformHttp(IngestionConfig config) {
    this.timeout = config.polling().httpTimeout();
    this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    this.clock = Clock.systemUTC();
  }

  /** A 2xx or 304 response; anything else is thrown. */
  public HttpResponse<String> get(URI uri, Map<String, String> headers) throws FetchException {
    return check(uri, exchange(uri, headers, "GET", null));
  }

  /** A form POST ({@code application/x-www-form-urlencoded}); a 2xx response, anything else is thrown. */
  public HttpResponse<String> post(URI uri, Map<String, String> headers, String form) throws FetchException {
    return check(uri, exchange(uri, headers, "POST", form));
  }

  /** The response whatever its status, for connectors that read an error body first; only transport failures are thrown. */
  public HttpResponse<String> exchange(URI uri, Map<String, String> headers, String method, String form) throws FetchException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT);
    if (form == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/x-www-form-urlencoded").method(method, HttpRequest.BodyPublishers.ofString(form));
    }
    headers.forEach(request::setHeader); // a connector's own User-Agent (Reddit wants one per app) replaces ours
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new FetchException(FetchException.Kind.TRANSIENT, "timeout after " + timeout.toSeconds() + " s: " + uri.getHost());
    } catch (IOException e) {
      throw new FetchException(FetchException.Kind.TRANSIENT, "request to " + uri.getHost() + " failed: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(FetchException.Kind.TRANSIENT, "interrupted");
    }
  }

  /** The response when it is 2xx or 304, else the {@link FetchException} its status means. */
  public HttpResponse<String> check(URI uri, HttpResponse<String> response) throws FetchException {
    int status = response.statusCode();
    if (status / 100 == 2 || status == 304) {
      return response;
    }
    Duration wait = RateLimitHeaders.retryAfter(response.headers(), clock.instant()).orElse(retryAfterInBody(response.body()));
    if (status == 429) {
      throw new FetchException(FetchException.Kind.RATE_LIMITED, "429 Too Many Requests from " + uri.getHost(), wait);
    }
    if (status >= 500 || status == 408) {
      throw new FetchException(FetchException.Kind.TRANSIENT, status + " from " + uri.getHost(), wait);
    }
    throw new FetchException(FetchException.Kind.REFUSED, status + " from " + uri.getHost() + " for " + safePath(uri));
  }

  /** Telegram puts the wait into the body: {"ok":false,"error_code":429,"parameters":{"retry_after":7}}. */
  static Duration retryAfterInBody(String body) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"retry_after\"\\s*:\\s*(\\d{1,6})").matcher(body == null ? "" : body);
    return m.find() ? Duration.ofSeconds(Long.parseLong(m.group(1))) : null;
  }

  /** The path without a Telegram bot token (it is part of the URL). */
  static String safePath(URI uri) {
    return uri.getPath().replaceAll("/bot[^/]+/", "/bot***/");
  }

  public Clock clock() {
    return clock;
  }
}
