package com.mfadesk.intake.pipeline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** What notify-service receives for an accepted, classified case (POST /internal/v1/cases). */
@Serdeable
public record CaseHandoff(String caseId, String channel, @Nullable String threadCaseId, Requester requester,
                          @Nullable String subject, @Nullable String text, @Nullable String internetMessageId,
                          @Nullable TeamsThread teams, GuidanceResult guidance, Instant receivedAt) {

    @Serdeable
    public record Requester(@Nullable String address, @Nullable String displayName, boolean verified,
                            @Nullable String userId) {
    }

    @Serdeable
    public record TeamsThread(@Nullable String teamId, @Nullable String channelId, @Nullable String rootMessageId,
                              @Nullable String chatId) {
    }
}
