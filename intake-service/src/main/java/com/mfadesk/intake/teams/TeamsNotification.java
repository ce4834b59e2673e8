package com.mfadesk.intake.teams;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One change notification waiting to be read (PENDING) or read (DONE). */
@MappedEntity("teams_notification")
public record TeamsNotification(
        @Id @GeneratedValue @Nullable Long id,
        String resource,
        String changeType,
        @Nullable String subscriptionId,
        String status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String leaseOwner,
        @Nullable Instant leaseUntil,
        @Nullable String lastError,
        Instant receivedAt) {

    public static TeamsNotification pending(String resource, String changeType, @Nullable String subscriptionId,
                                            Instant now) {
        return new TeamsNotification(null, resource, changeType, subscriptionId, "PENDING", 0, now, null, null, null,
                now);
    }
}
