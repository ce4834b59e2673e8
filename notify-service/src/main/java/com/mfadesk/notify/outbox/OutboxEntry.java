package com.mfadesk.notify.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One piece of work for a case: the decision, or one message to Graph. Unique per (case, kind). */
@MappedEntity("outbox")
public record OutboxEntry(
        @Id @GeneratedValue @Nullable Long id,
        String caseId,
        OutboxKind kind,
        int priority,
        @Nullable String payload,
        @Nullable String destination,
        String status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String leaseOwner,
        @Nullable Instant leaseUntil,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable Instant doneAt) {

    public static final String PENDING = "PENDING";
    public static final String DONE = "DONE";
    public static final String DEAD = "DEAD";

    /**
     * Whether an earlier try may already have reached Graph: it failed, or its worker died holding the lease (a
     * finished or rescheduled entry has no lease left).
     */
    public boolean triedBefore() {
        return attempts > 0 || leaseUntil != null;
    }

    /**
     * @param priority    lower goes first in a backlog; see {@link OutboxKind}
     * @param destination what the entry sends to ({@link Destinations}), null if it sends nothing
     */
    public static OutboxEntry pending(String caseId, OutboxKind kind, int priority, @Nullable String destination,
                                      @Nullable String payload, Instant now) {
        return new OutboxEntry(null, caseId, kind, priority, payload, destination, PENDING, 0, now, null, null, null,
                now, null);
    }
}
