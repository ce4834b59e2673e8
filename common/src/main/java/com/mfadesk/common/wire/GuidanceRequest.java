package com.mfadesk.common.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** POST /api/v1/guidance (CONTRACT.md): the new text of a message, quotes and signatures already removed. */
@Serdeable
public record GuidanceRequest(String channel, @Nullable String subject, @Nullable String text, boolean followUp) {
}
