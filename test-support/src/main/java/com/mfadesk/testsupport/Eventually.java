package com.mfadesk.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for asynchronous work (outbox, pipeline) to reach a state; fails with the description when it never does. */
public final class Eventually {

    private Eventually() {
    }

    public static void await(String description, BooleanSupplier condition) {
        await(description, Duration.ofSeconds(20), condition);
    }

    public static void await(String description, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for: " + description);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + description);
            }
        }
    }
}
