package com.mfadesk.notify.outbox;

import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Rate limits shared through the database by every instance (GCRA: one row and one UPDATE per event). */
@Singleton
public class RateLimiter {

    private final RateLimitRepository limits;
    private final Clock clock;

    public RateLimiter(RateLimitRepository limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Takes a slot if one is free now; otherwise takes nothing and says when the next one frees up. */
    public Optional<Instant> tryTake(String key, Rate rate) {
        long now = clock.millis();
        while (true) {
            if (limits.takeIfDue(key, now, rate.intervalMillis(), rate.toleranceMillis()) == 1) {
                return Optional.empty();
            }
            Optional<RateLimitRow> row = limits.findById(key);
            if (row.isPresent()) {
                return Optional.of(Instant.ofEpochMilli(row.get().tatMs() - rate.toleranceMillis()));
            }
            if (created(key, now + rate.intervalMillis())) {
                return Optional.empty();
            }
        }
    }

    /** Takes the next slot, now or later, and says when it is. */
    public Instant takeNext(String key, Rate rate) {
        long now = clock.millis();
        if (limits.takeIfDue(key, now, rate.intervalMillis(), rate.toleranceMillis()) == 1) {
            return Instant.ofEpochMilli(now); // the usual case under the limit: one statement
        }
        while (limits.takeNext(key, now, rate.intervalMillis()) == 0) {
            if (created(key, now + rate.intervalMillis())) {
                return Instant.ofEpochMilli(now);
            }
        }
        // another instance may have taken a slot in between: reading a later one only errs on the slow side
        long tat = limits.findById(key).map(RateLimitRow::tatMs).orElse(now);
        return Instant.ofEpochMilli(Math.max(now, tat - rate.intervalMillis() - rate.toleranceMillis()));
    }

    private boolean created(String key, long tat) {
        try {
            limits.save(new RateLimitRow(key, tat));
            return true;
        } catch (DataAccessException anotherInstanceWasFirst) {
            return false;
        }
    }
}
