package com.mfadesk.intake.imap;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void waitDoublesUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10));

        List<Long> waits = IntStream.range(0, 6).mapToObj(i -> backoff.failed(NOW).toSeconds()).toList();

        assertEquals(List.of(1L, 2L, 4L, 8L, 10L, 10L), waits);
    }

    @Test
    void waitsUntilTheRetryTimeOnly() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10));
        backoff.failed(NOW);

        assertTrue(backoff.isWaiting(NOW.plusMillis(999)));
        assertFalse(backoff.isWaiting(NOW.plusSeconds(1)));
    }

    @Test
    void successStartsOver() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10));
        backoff.failed(NOW);
        backoff.failed(NOW);

        backoff.succeeded();

        assertFalse(backoff.isWaiting(NOW));
        assertEquals(Duration.ofSeconds(1), backoff.failed(NOW));
    }

    @Test
    void manyFailuresDoNotOverflow() {
        Backoff backoff = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(5));

        IntStream.range(0, 100).forEach(i -> backoff.failed(NOW));

        assertEquals(Duration.ofMinutes(5), backoff.failed(NOW));
    }
}
