package com.mfadesk.common.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;

/**
 * What intake-service hands over to notify-service (POST /internal/v1/cases) once a message is parsed and
 * classified: who wrote, where to answer, and what guidance-service made of it.
 *
 * @param graphMessageId the support mailbox's id of a mail that came through Graph: the answer replies to it directly
 */
@Serdeable
public record CaseHandoff(
        @NotBlank String caseId,
        @NotBlank String channel,
        @Nullable String threadCaseId,
        @NotNull @Valid Requester requester,
        @Nullable String subject,
        @Nullable String text,
        @Nullable String internetMessageId,
        @Nullable String graphMessageId,
        @Nullable TeamsThread teams,
        @NotNull @Valid GuidanceResult guidance,
        @Nullable Instant receivedAt) {

    /** @param verified an employee by SCENARIOS.md rule 2; @param userId the Entra object id when already known */
    @Serdeable
    public record Requester(@Nullable String address, @Nullable String displayName, boolean verified,
                            @Nullable String userId) {
    }

    /** Where a Teams answer goes: under {@code rootMessageId} in a channel, or into {@code chatId}. */
    @Serdeable
    public record TeamsThread(@Nullable String teamId, @Nullable String channelId, @Nullable String rootMessageId,
                              @Nullable String chatId) {
    }
}
