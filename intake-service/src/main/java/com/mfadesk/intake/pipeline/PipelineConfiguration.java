package com.mfadesk.intake.pipeline;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param lease       how long a claimed job stays invisible to other workers; longer than both downstream time-outs
 * @param concurrency how many jobs one instance moves on at once
 */
@ConfigurationProperties("pipeline")
public record PipelineConfiguration(
        @Bindable(defaultValue = "200ms") Duration pollInterval,
        @Bindable(defaultValue = "20") int batchSize,
        @Bindable(defaultValue = "90s") Duration lease,
        @Bindable(defaultValue = "2m") Duration maxBackoff,
        @Bindable(defaultValue = "4") int concurrency) {
}
