package com.mfadesk.intake.lease;

import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Database leases for work that one instance at a time must do when several intake instances share a database:
 * whoever holds the lease does it, the others skip; a crashed holder's lease simply expires.
 */
@Singleton
public class Leases {

    private final SchedulerLeaseRepository leases;
    private final Clock clock;
    private final String owner = "intake-" + UUID.randomUUID();

    public Leases(SchedulerLeaseRepository leases, Clock clock) {
        this.leases = leases;
        this.clock = clock;
    }

    public boolean tryHold(String name, Duration duration) {
        Instant now = clock.instant();
        Instant until = now.plus(duration);
        if (leases.take(name, owner, until, now) == 1) {
            return true;
        }
        if (leases.existsById(name)) {
            return false;
        }
        try {
            leases.save(new SchedulerLease(name, owner, until));
            return true;
        } catch (DataAccessException raceLost) {
            return false;
        }
    }
}
