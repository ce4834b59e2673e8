package com.mfadesk.common.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a failed piece of durable work waits before its next try: doubling from half a second, capped, with
 * ±12.5 % jitter so that work which failed together does not all come back at the same instant.
 */
public final class RetryDelays {

    private static final long FIRST_MILLIS = 500;
    private static final int MAX_DOUBLINGS = 16;

    private RetryDelays() {
    }

    public static Duration after(int failedAttempts, Duration max) {
        long base = FIRST_MILLIS << Math.min(Math.max(failedAttempts, 0), MAX_DOUBLINGS);
        long capped = Math.min(base, max.toMillis());
        return Duration.ofMillis(capped - capped / 8 + ThreadLocalRandom.current().nextLong(capped / 4 + 1));
    }

    /** An error message as stored with the work: bounded, never null. */
    public static String truncate(String message) {
        if (message == null) {
            return "";
        }
        return message.length() <= 2000 ? message : message.substring(0, 2000);
    }
}
