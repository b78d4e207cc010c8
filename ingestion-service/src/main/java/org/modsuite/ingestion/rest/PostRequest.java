package org.modsuite.ingestion.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.modsuite.events.PostOp;

/** A post pushed to {@code POST /api/v1/posts}. {@code authorId} is the platform's account id; it is pseudonymised before it leaves. */
@Schema(description = "A post pushed by a platform or an NGO integration")
public record PostRequest(
    @Schema(description = "<platform>:<platform's global id>; derived from platform and sourceId when absent", example = "mastodon:https://social.example/users/a/statuses/1")
    @Pattern(regexp = "^[a-z0-9][a-z0-9_.-]*:.+$", message = "must look like <platform>:<source id>") @Size(max = 512) String postUid,
    @Schema(example = "mastodon") @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9_.-]*$", message = "must be lower-case letters, digits, '.', '_' or '-'") @Size(max = 64) String platform,
    @Schema(description = "the platform's global id of the post") @NotBlank @Size(max = 400) String sourceId,
    @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") @Size(max = 2048) String url,
    @Schema(description = "the platform's account id; stored only as a keyed HMAC") @Size(max = 512) String authorId,
    @Schema(description = "plain text of the post; may be empty only for op=delete") @NotNull @Size(max = 100_000) String text,
    @Schema(example = "de") @Pattern(regexp = "^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$", message = "must be a BCP 47 language tag such as en or de-AT") String language,
    @NotNull Instant createdAt,
    Instant editedAt,
    @Pattern(regexp = "^[a-z0-9][a-z0-9_.-]*:.+$", message = "must look like <platform>:<source id>") String parentUid,
    @Pattern(regexp = "^[a-z0-9][a-z0-9_.-]*:.+$", message = "must look like <platform>:<source id>") String threadUid,
    @Schema(description = "the connector or integration that pushed the post", example = "ngo-upload") @Size(max = 128) String sourceName,
    @Schema(description = "create (default), update, delete or snapshot") PostOp op) {

  /** The post's stable id: as given, or {@code <platform>:<sourceId>}. */
  public String effectivePostUid() {
    return postUid != null ? postUid : platform + ":" + sourceId;
  }

  public PostOp effectiveOp() {
    return op != null ? op : (editedAt != null ? PostOp.UPDATE : PostOp.CREATE);
  }
}
