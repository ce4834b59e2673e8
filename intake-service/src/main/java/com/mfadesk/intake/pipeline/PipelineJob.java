package com.mfadesk.intake.pipeline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** Where an accepted case stands on its way to notify-service: CLASSIFY → HAND_OVER → DONE. */
@MappedEntity("pipeline_job")
public record PipelineJob(
        @Id String caseId,
        Stage stage,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String leaseOwner,
        @Nullable Instant leaseUntil,
        @Nullable String guidanceJson,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable Instant doneAt) {

    public enum Stage {
        CLASSIFY, HAND_OVER, DONE
    }
}
