package com.mfadesk.notify.outbox;

import java.time.Duration;
import java.util.Optional;

/**
 * A limit as the generic cell rate algorithm sees it: one event per {@code intervalMillis} on average, up to
 * {@code burst} of them at once after a quiet spell.
 */
public record Rate(long intervalMillis, long toleranceMillis) {

    /** {@code count} per {@code period}; empty when count is 0 (no limit). */
    public static Optional<Rate> of(int count, Duration period, int burst) {
        if (count <= 0) {
            return Optional.empty();
        }
        long interval = Math.max(1, period.toMillis() / count);
        return Optional.of(new Rate(interval, interval * (Math.max(1, burst) - 1)));
    }
}
