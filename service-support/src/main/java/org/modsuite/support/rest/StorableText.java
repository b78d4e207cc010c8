package org.modsuite.support.rest;

/**
 * Text PostgreSQL can store: its {@code text} type refuses U+0000 (SQLSTATE 22021, a record that can never be
 * stored), and a lone UTF-16 surrogate has no UTF-8 form. Such text is refused at the edge, naming the field.
 */
public final class StorableText {

  public static final String REASON = "must not contain U+0000 or an unpaired surrogate";

  private StorableText() {
  }

  public static boolean isStorable(String text) {
    if (text == null) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
