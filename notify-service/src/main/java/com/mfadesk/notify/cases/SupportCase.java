package com.mfadesk.notify.cases;

import com.mfadesk.vocabulary.Channel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.Set;

/**
 * A case as notify-service keeps it: the handed-over message and, once decided, its one action.
 *
 * @param graphMessageId the support mailbox's id of a mail that came through Graph: its answer replies there
 */
@MappedEntity("support_case")
public record SupportCase(
        @Id String id,
        String channel,
        @Nullable String threadCaseId,
        @Nullable String requesterAddress,
        @Nullable String requesterName,
        boolean requesterVerified,
        @Nullable String requesterUserId,
        @Nullable String subject,
        @Nullable String messageText,
        @Nullable String internetMessageId,
        @Nullable String teamsTeamId,
        @Nullable String teamsChannelId,
        @Nullable String teamsRootId,
        @Nullable String teamsChatId,
        String scenario,
        double confidence,
        boolean saysNoAlternate,
        boolean fixAlreadyTried,
        @Nullable String followUpOutcome,
        @Nullable String language,
        @Nullable String stepsJson,
        @Nullable String sourcesJson,
        String action,
        @Nullable String reason,
        @Nullable String escalationRef,
        @Nullable String methodsSeen,
        Instant receivedAt,
        @Nullable Instant decidedAt,
        @Nullable String unavailableMethods,
        boolean lostPossible,
        @Nullable String graphMessageId) {

    public static final String PENDING = "PENDING";

    public boolean isPending() {
        return PENDING.equals(action);
    }

    public boolean isTeams() {
        return Channel.TEAMS.name().equals(channel);
    }

    public SupportCase decided(Decision decision, @Nullable String ref, Instant at) {
        return new SupportCase(id, channel, threadCaseId, requesterAddress, requesterName, requesterVerified,
                requesterUserId, subject, messageText, internetMessageId, teamsTeamId, teamsChannelId, teamsRootId,
                teamsChatId, decision.scenario(), confidence, saysNoAlternate, fixAlreadyTried, followUpOutcome,
                language, stepsJson, sourcesJson, decision.action().name(), decision.reason(), ref,
                decision.methodsSeen(), receivedAt, at, unavailableMethods, lostPossible, graphMessageId);
    }

    /** The method types (guidance's ids) the user says they cannot use now. */
    public Set<String> methodsOutOfReach() {
        return unavailableMethods == null || unavailableMethods.isBlank()
                ? Set.of() : Set.of(unavailableMethods.split(","));
    }
}
