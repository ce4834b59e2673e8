package com.mfadesk.guidance.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

/**
 * A message to classify.
 *
 * @param text     the new text of the message: quotes and signatures already removed by intake
 * @param followUp true when the message replies in a thread guidance already answered
 */
@Serdeable
public record GuidanceRequest(@NotNull Channel channel, @Nullable String subject, @NotNull String text,
                              @Nullable Boolean followUp) {

    public boolean isFollowUp() {
        return Boolean.TRUE.equals(followUp);
    }
}
