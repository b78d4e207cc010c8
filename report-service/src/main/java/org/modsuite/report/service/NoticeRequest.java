package org.modsuite.report.service;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An Art. 16 notice as submitted: the items, why they are illegal, who says so, and the good-faith statement. */
public record NoticeRequest(
    @Schema(description = "1 to 100 items, each a postUid or an http(s) URL") List<Item> items,
    @Schema(description = "why the items are illegal (Art. 16(2)(a)), 10 to 5,000 characters") String explanation,
    @Schema(description = "a STATEMENT_CATEGORY_* key of the DSA list") String category,
    @Schema(description = "KEYWORD_* keys of the DSA list") List<String> keywords,
    @Schema(description = "required unless the notice concerns child sexual abuse material (Art. 16(2)(c))") String notifierName,
    @Schema(description = "required unless the notice concerns child sexual abuse material (Art. 16(2)(c))") String notifierEmail,
    @Schema(description = "must be true: the notifier believes in good faith that the notice is accurate and complete (Art. 16(2)(d))")
    Boolean goodFaith,
    @Schema(description = "language for our replies: en or de") String language) {

  public record Item(String postUid, String url) {
  }
}
