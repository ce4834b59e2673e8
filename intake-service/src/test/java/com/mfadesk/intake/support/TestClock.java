package com.mfadesk.intake.support;

import com.mfadesk.common.ClockFactory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A virtual clock for the services, replacing {@link ClockFactory}'s system clock in test contexts that set
 * {@code test.clock=virtual}: it runs with real time (so backoffs and leases of a few seconds pass as usual) plus an
 * offset a test moves forward with {@link #advance(Duration)} instead of sleeping.
 */
@Singleton
@Replaces(bean = Clock.class, factory = ClockFactory.class)
@Requires(property = "test.clock", value = "virtual")
public class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void advance(Duration duration) {
        offset.accumulateAndGet(duration, Duration::plus);
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset.get());
    }
}
