package org.modsuite.moderation.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Body of {@code PUT /api/v1/rules/{lang}/rules/{ruleId}/state}. */
public record RuleStateChange(@NotNull @Pattern(regexp = "active|shadow", message = "must be active or shadow") String state) {
}
