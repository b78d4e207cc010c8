package org.modsuite.moderation.service;

import java.util.ArrayList;
import java.util.List;

import org.modsuite.support.rest.Problem;
import org.modsuite.support.rest.ProblemException;

/**
 * The precondition of an edit (RFC 9110, 13.1): {@code If-Match} with the entity tags of the version the editor last
 * read ({@code *}: whatever is current), or {@code If-None-Match: *} to create something that must not exist yet.
 * An edit without either is refused with 428, so that no client overwrites another's change without knowing it.
 * Entity tags are compared strongly: a weak tag ({@code W/"…"}) never matches.
 */
public record EditPrecondition(List<String> ifMatch, boolean ifNoneMatchAny) {

  public static final String MISMATCH = "https://modsuite.org/problems/version-mismatch";
  public static final String REQUIRED = "https://modsuite.org/problems/version-required";

  /**
   * Reads the two request headers.
   *
   * @throws ProblemException 428 when neither is given, 400 when {@code If-None-Match} is anything but {@code *}
   */
  public static EditPrecondition of(String ifMatch, String ifNoneMatch) {
    boolean hasIfMatch = ifMatch != null && !ifMatch.isBlank();
    boolean hasIfNoneMatch = ifNoneMatch != null && !ifNoneMatch.isBlank();
    if (!hasIfMatch && !hasIfNoneMatch) {
      throw new ProblemException(new Problem(REQUIRED, "Precondition Required", 428,
          "Send If-Match with the ETag of the version you edited (GET it first), If-Match: * to replace whatever is current, "
              + "or If-None-Match: * to create a rule or lexicon that does not exist yet.", null, List.of()));
    }
    if (hasIfNoneMatch && !ifNoneMatch.trim().equals("*")) {
      throw ProblemException.invalid("If-None-Match", "only * is supported (create if absent)");
    }
    return new EditPrecondition(hasIfMatch ? tags(ifMatch) : List.of(), hasIfNoneMatch);
  }

  /**
   * Checks the precondition against what is current on this replica.
   *
   * @param what names the resource in the problem, such as {@code rule en.x.y}
   * @param currentTag the entity tag (unquoted) of the current version; null when the resource does not exist
   * @throws ProblemException 412 naming the current version, with the current {@code ETag} header when there is one
   */
  public void check(String what, String currentTag) {
    if (ifNoneMatchAny && currentTag != null) {
      throw failed(what + " already exists at version " + currentTag + "; send If-Match: \"" + currentTag + "\" to replace it", currentTag);
    }
    if (ifMatch.isEmpty()) {
      return;
    }
    if (currentTag == null) {
      throw failed(what + " does not exist; send If-None-Match: * to create it", null);
    }
    if (!ifMatch.contains("*") && !ifMatch.contains(currentTag)) {
      throw failed(what + " is at version " + currentTag + ", not " + String.join(", ", ifMatch)
          + ": someone changed it since you read it. GET it again, apply your change to it, and send If-Match: \"" + currentTag + "\"", currentTag);
    }
  }

  /** A quoted strong entity tag for the {@code ETag} header. */
  public static String quoted(String tag) {
    return "\"" + tag + "\"";
  }

  private static ProblemException failed(String detail, String currentTag) {
    ProblemException e = new ProblemException(new Problem(MISMATCH, "Precondition Failed", 412, detail, null, List.of()));
    return currentTag == null ? e : e.withHeader("ETag", quoted(currentTag));
  }

  /** The entity tags of a header value, unquoted; weak ones kept with their {@code W/}, so nothing matches them. Unquoted tags are tolerated. */
  static List<String> tags(String header) {
    List<String> tags = new ArrayList<>();
    for (String part : header.split(",")) {
      String tag = part.trim();
      if (tag.isEmpty()) {
        continue;
      }
      if (tag.startsWith("W/")) {
        tags.add(tag); // kept as it is, so that it never equals a current (strong) tag
        continue;
      }
      if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
        tag = tag.substring(1, tag.length() - 1);
      }
      tags.add(tag);
    }
    return List.copyOf(tags);
  }
}
