package com.mfadesk.notify.outbox;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param lease       how long a claimed entry stays invisible to other workers; longer than the slowest Graph call
 * @param maxBackoff  the longest wait between two tries of one entry
 * @param concurrency how many entries one instance works on at once; Graph allows 4 concurrent requests per
 *                    mailbox and app, so instances × concurrency should stay at 4 or below
 */
@ConfigurationProperties("outbox")
public record OutboxConfiguration(
        @Bindable(defaultValue = "200ms") Duration pollInterval,
        @Bindable(defaultValue = "20") int batchSize,
        @Bindable(defaultValue = "120s") Duration lease,
        @Bindable(defaultValue = "5m") Duration maxBackoff,
        @Bindable(defaultValue = "4") int concurrency) {
}
