package com.mfadesk.intake.pipeline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** POST /api/v1/guidance (CONTRACT.md). */
@Serdeable
public record GuidanceRequest(String channel, @Nullable String subject, @Nullable String text, boolean followUp) {
}
