package org.modsuite.report.service;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.modsuite.report.dsa.SorSchema;
import org.modsuite.support.rest.Problem.FieldError;

/** Checks the Art. 16(2) elements of a notice and names every missing or wrong one. */
public final class NoticeValidator {

  static final int MAX_ITEMS = 100;
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
  private static final List<String> CSAM_KEYWORDS = List.of("KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL", "KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE");

  private NoticeValidator() {
  }

  public static List<FieldError> validate(NoticeRequest n) {
    List<FieldError> errors = new ArrayList<>();
    if (n == null) {
      return List.of(new FieldError("body", "a notice is required"));
    }
    if (n.items() == null || n.items().isEmpty()) {
      errors.add(new FieldError("items", "name at least one item: its postUid or its exact URL (Art. 16(2)(b))"));
    } else if (n.items().size() > MAX_ITEMS) {
      errors.add(new FieldError("items", "at most " + MAX_ITEMS + " items per notice"));
    } else {
      for (int i = 0; i < n.items().size(); i++) {
        NoticeRequest.Item item = n.items().get(i);
        String at = "items[" + i + "]";
        if (item == null || (blank(item.postUid()) && blank(item.url()))) {
          errors.add(new FieldError(at, "give the item's postUid or its exact URL"));
          continue;
        }
        if (!blank(item.postUid()) && (item.postUid().length() > 500 || !item.postUid().contains(":"))) {
          errors.add(new FieldError(at + ".postUid", "must be <platform>:<id>, at most 500 characters"));
        }
        if (!blank(item.url()) && !httpUrl(item.url())) {
          errors.add(new FieldError(at + ".url", "must be an absolute http or https URL of at most 2,000 characters"));
        }
      }
    }
    if (blank(n.explanation()) || n.explanation().strip().length() < 10) {
      errors.add(new FieldError("explanation", "explain why the content is illegal, at least 10 characters (Art. 16(2)(a))"));
    } else if (n.explanation().length() > 5000) {
      errors.add(new FieldError("explanation", "at most 5,000 characters"));
    }
    if (blank(n.category())) {
      errors.add(new FieldError("category", "choose the type of illegal content (a STATEMENT_CATEGORY_* key)"));
    } else if (!SorSchema.CATEGORIES.contains(n.category())) {
      errors.add(new FieldError("category", "unknown category " + n.category()));
    }
    List<String> keywords = n.keywords() == null ? List.of() : n.keywords();
    for (int i = 0; i < keywords.size(); i++) {
      if (!SorSchema.KEYWORDS.contains(keywords.get(i))) {
        errors.add(new FieldError("keywords[" + i + "]", "unknown keyword " + keywords.get(i)));
      }
    }
    boolean identityOptional = keywords.stream().anyMatch(CSAM_KEYWORDS::contains);
    if (blank(n.notifierName()) && !identityOptional) {
      errors.add(new FieldError("notifierName", "your name is required (Art. 16(2)(c))"));
    } else if (!blank(n.notifierName()) && n.notifierName().length() > 200) {
      errors.add(new FieldError("notifierName", "at most 200 characters"));
    }
    if (blank(n.notifierEmail()) && !identityOptional) {
      errors.add(new FieldError("notifierEmail", "your e-mail address is required (Art. 16(2)(c))"));
    } else if (!blank(n.notifierEmail()) && (n.notifierEmail().length() > 254 || !EMAIL.matcher(n.notifierEmail().strip()).matches())) {
      errors.add(new FieldError("notifierEmail", "is not an e-mail address"));
    }
    if (!Boolean.TRUE.equals(n.goodFaith())) {
      errors.add(new FieldError("goodFaith", "confirm that you believe in good faith that the notice is accurate and complete (Art. 16(2)(d))"));
    }
    if (n.language() != null && !List.of("en", "de").contains(n.language())) {
      errors.add(new FieldError("language", "must be en or de"));
    }
    return errors;
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static boolean httpUrl(String s) {
    try {
      URI uri = URI.create(s.strip());
      return s.length() <= 2000 && uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
