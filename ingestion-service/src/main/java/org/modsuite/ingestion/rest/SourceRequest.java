package org.modsuite.ingestion.rest;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A source instance as created or replaced through {@code /api/v1/sources}. The secret is write-only. */
@Schema(description = "A source instance: a connector type and its settings")
public record SourceRequest(
    @Schema(description = "Stable id, also the posts' sourceName (ignored by PUT: the path names the source)", example = "mastodon-sprachcafe")
    @Pattern(regexp = "^[a-z0-9][a-z0-9_-]{0,63}$", message = "must be 1 to 64 lower-case letters, digits, '_' or '-'") String id,
    @Schema(description = "mastodon, rss, telegram or webhook", example = "mastodon") @NotBlank String type,
    @Schema(description = "Connector settings: mastodon {instance, hashtag, local, limit}; rss {url}; telegram {apiBase, chats, limit}; webhook {}",
        example = "{\"instance\":\"https://social.example\",\"hashtag\":\"sprachcafe\"}") Map<String, String> settings,
    @Schema(description = "Seconds between polls (webhook sources are not polled)", example = "60") @NotNull @Min(5) @Max(86_400) Integer intervalSeconds,
    @Schema(description = "Bearer token (mastodon), bot token (telegram) or signing secret (webhook, whsec_<base64>). Write-only, encrypted at rest; "
        + "PUT without it keeps the stored one", writeOnly = true) @Size(max = 4096) String secret,
    @Schema(description = "Created paused (not polled)") Boolean paused) {
}
