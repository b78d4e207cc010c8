package org.modsuite.report.dsa;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the obvious kinds of personal data in a free-text field of a statement, which Art. 24(5) DSA forbids in what
 * goes to the Transparency Database: e-mail addresses, phone numbers, {@code @handles}, IPv4 addresses and URLs that
 * point at a user (profile paths, {@code /@name}, user ids in the query, profile pages of large social networks).
 * A heuristic, tuned to let through what statements normally hold: dates, times, article numbers, law URLs.
 */
public final class PersonalDataDetector {

  private static final Pattern EMAIL = Pattern.compile(
      "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  private static final Pattern HANDLE = Pattern.compile("(?<![\\w.@/])@[A-Za-z0-9_]{2,}");
  // Dates and times look like phone numbers digit-wise; they are blanked before the phone search.
  private static final Pattern DATE_OR_TIME = Pattern.compile(
      "\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b|\\b\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}\\b|\\b\\d{1,2}:\\d{2}(?::\\d{2})?\\b");
  private static final Pattern PHONE = Pattern.compile("(?<![\\w+])(\\+|00|0)\\d(?:[ ./()-]{0,2}\\d){5,}(?!\\w)");
  private static final Pattern IPV4 = Pattern.compile(
      "(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?![\\d.]*\\d)");
  private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"'()\\[\\]]+");
  private static final Pattern USER_QUERY = Pattern.compile(
      "(?i)(?:^|&)(?:user|user_?id|uid|profile|profile_?id|author|account|member)=");
  private static final Pattern LANGUAGE = Pattern.compile("(?i)[a-z]{2}(?:[-_][a-z]{2})?");
  private static final Set<String> USER_SEGMENTS = Set.of("u", "user", "users", "profile", "profiles", "people",
      "member", "members", "account", "accounts", "author", "channel", "c", "in", "pub", "id");
  private static final Set<String> SOCIAL_HOSTS = Set.of("twitter.com", "x.com", "instagram.com", "facebook.com",
      "fb.com", "tiktok.com", "threads.net", "linkedin.com", "youtube.com", "reddit.com", "github.com",
      "mastodon.social", "bsky.app", "snapchat.com", "pinterest.com", "t.me", "vk.com");
  private static final Set<String> SOCIAL_NON_USER_PATHS = Set.of("help", "about", "legal", "policies", "policy",
      "terms", "tos", "privacy", "rules", "safety", "community-standards", "communityguidelines", "transparency");

  private PersonalDataDetector() {
  }

  /** What kind of personal data the text holds (for a message), or empty. Never returns the matched text. */
  public static Optional<String> find(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    if (EMAIL.matcher(text).find()) {
      return Optional.of("an e-mail address");
    }
    Matcher urls = URL.matcher(text);
    while (urls.find()) {
      if (pointsAtUser(urls.group())) {
        return Optional.of("a URL with a user path");
      }
    }
    String withoutUrls = URL.matcher(text).replaceAll(" ");
    if (HANDLE.matcher(withoutUrls).find()) {
      return Optional.of("an @handle");
    }
    if (IPV4.matcher(withoutUrls).find()) {
      return Optional.of("an IP address");
    }
    Matcher phones = PHONE.matcher(DATE_OR_TIME.matcher(withoutUrls).replaceAll(" "));
    while (phones.find()) {
      long digits = phones.group().chars().filter(Character::isDigit).count();
      boolean international = !phones.group(1).equals("0");
      if (digits >= (international ? 7 : 9) && digits <= 15) {
        return Optional.of("a phone number");
      }
    }
    return Optional.empty();
  }

  private static boolean pointsAtUser(String url) {
    String withScheme = url.regionMatches(true, 0, "www.", 0, 4) ? "http://" + url : url;
    URI uri;
    try {
      uri = URI.create(withScheme);
    } catch (IllegalArgumentException e) {
      return true; // cannot tell what it points at: do not send it
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (uri.getRawQuery() != null && USER_QUERY.matcher(uri.getRawQuery()).find()) {
      return true;
    }
    String[] segments = path.split("/");
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i].toLowerCase(Locale.ROOT);
      if (s.startsWith("@") || s.startsWith("~")) {
        return true;
      }
      if (USER_SEGMENTS.contains(s) && i + 1 < segments.length && !segments[i + 1].isEmpty()) {
        return true;
      }
    }
    String bareHost = host.startsWith("www.") ? host.substring(4) : host;
    boolean social = SOCIAL_HOSTS.stream().anyMatch(h -> bareHost.equals(h) || bareHost.endsWith("." + h));
    // A social network's first path segment is a user name, unless it is a language or a known page.
    int first = segments.length > 2 && LANGUAGE.matcher(segments[1]).matches() ? 2 : 1;
    if (social && segments.length > first && !segments[first].isEmpty()) {
      return !SOCIAL_NON_USER_PATHS.contains(segments[first].toLowerCase(Locale.ROOT));
    }
    return false;
  }
}
