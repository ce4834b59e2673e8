package com.mfadesk.intake.imap;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try the server again after failures in a row: {@code initial}, doubled each time, never more than
 * {@code max}; one success starts over. Not thread-safe: only the poller's single scheduled task uses it.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private int failures;
    private Instant retryAt = Instant.MIN;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    boolean isWaiting(Instant now) {
        return now.isBefore(retryAt);
    }

    /** Records a failure at {@code now} and returns how long to wait before the next attempt. */
    Duration failed(Instant now) {
        long doubled = initial.toMillis() << Math.min(failures, 20);
        Duration wait = Duration.ofMillis(Math.min(doubled, max.toMillis()));
        failures++;
        retryAt = now.plus(wait);
        return wait;
    }

    void succeeded() {
        failures = 0;
        retryAt = Instant.MIN;
    }

    int failuresInARow() {
        return failures;
    }
}
