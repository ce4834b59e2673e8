package com.mfadesk.common.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * POST /api/v1/guidance (CONTRACT.md): the new text of a message, quotes and signatures already removed. Every field
 * is always written: Serde leaves empty strings out by default, and guidance-service requires {@code text} even
 * when a mail has only a subject.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record GuidanceRequest(String channel, @Nullable String subject, String text, boolean followUp) {
}
