package com.mfadesk.intake.notifications;

import com.mfadesk.vocabulary.Channel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One change notification (or a message a catch-up found) waiting to be read (PENDING) or read (DONE).
 *
 * @param source the {@link NotificationSource} whose message the resource is
 */
@MappedEntity("change_notification")
public record ChangeNotification(
        @Id @GeneratedValue @Nullable Long id,
        Channel source,
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

    public static ChangeNotification pending(Channel source, String resource, String changeType,
                                             @Nullable String subscriptionId, Instant now) {
        return new ChangeNotification(null, source, resource, changeType, subscriptionId, "PENDING", 0, now, null,
                null, null, now);
    }
}
