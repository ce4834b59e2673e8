package com.mfadesk.notify.helpdesk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A case handed to a human: OPEN → CLAIMED (assignee) → RESOLVED (note). */
@MappedEntity("escalation")
public record Escalation(
        @Id @GeneratedValue @Nullable Long id,
        @Nullable String ref,
        String caseId,
        String channel,
        String scenario,
        String reason,
        @Nullable String requesterAddress,
        @Nullable String requesterName,
        boolean requesterVerified,
        @Nullable String requesterUserId,
        @Nullable String messageText,
        @Nullable String methodsSeen,
        String status,
        @Nullable String assignee,
        @Nullable String resolutionNote,
        Instant createdAt,
        Instant updatedAt) {

    public static final String OPEN = "OPEN";
    public static final String CLAIMED = "CLAIMED";
    public static final String RESOLVED = "RESOLVED";

    /** References are HD- plus a number people can read out on the phone. */
    public static String refFor(long id) {
        return "HD-" + (1000 + id);
    }

    public Escalation withRef(String newRef) {
        return new Escalation(id, newRef, caseId, channel, scenario, reason, requesterAddress, requesterName,
                requesterVerified, requesterUserId, messageText, methodsSeen, status, assignee, resolutionNote,
                createdAt, updatedAt);
    }

    public Escalation withStatus(String newStatus, @Nullable String newAssignee, @Nullable String note, Instant at) {
        return new Escalation(id, ref, caseId, channel, scenario, reason, requesterAddress, requesterName,
                requesterVerified, requesterUserId, messageText, methodsSeen, newStatus, newAssignee, note,
                createdAt, at);
    }

    public Escalation withRequesterUserId(String userId) {
        return new Escalation(id, ref, caseId, channel, scenario, reason, requesterAddress, requesterName,
                requesterVerified, userId, messageText, methodsSeen, status, assignee, resolutionNote, createdAt,
                updatedAt);
    }
}
