package org.modsuite.moderation.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.modsuite.moderation.service.AnalysisService;

/** {@code POST /api/v1/analyses}: 1 to 256 texts, each with a caller's id and an optional language. */
public record AnalysisRequest(@NotNull @Size(min = 1, max = 256) List<@NotNull @Valid Item> items) {

  /** One text to analyse. */
  public record Item(
      @NotBlank @Size(max = 200) String id,
      @NotBlank @Size(max = AnalysisService.MAX_TEXT, message = "must be at most 65536 characters") String text,
      @Pattern(regexp = "^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$", message = "must be a BCP 47 language tag such as en or de") String lang) {
  }
}
