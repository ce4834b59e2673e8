package com.mfadesk.notify.outbox;

import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether one more message may go to a mailbox, channel or chat now: not while Graph's last 429 for it holds, and
 * only within the configured limits, counted across every instance.
 */
@Singleton
public class SendPacing {

    private final SendThrottle learned;
    private final RateLimiter limiter;
    private final GraphLimits limits;

    public SendPacing(SendThrottle learned, RateLimiter limiter, GraphLimits limits) {
        this.learned = learned;
        this.limiter = limiter;
        this.limits = limits;
    }

    /**
     * Counts one send to {@code destination} if it may go now; otherwise says when to ask again. A send refused by
     * a later limit still used its slot in the earlier ones: pacing errs on the slow side.
     */
    public Optional<Instant> acquire(String destination) {
        Optional<Instant> blocked = learned.blockedUntil(destination);
        if (blocked.isPresent()) {
            return blocked;
        }
        for (GraphLimits.NamedRate limit : limits.forSendsTo(destination)) {
            Optional<Instant> wait = limiter.tryTake(limit.name() + " " + destination, limit.rate());
            if (wait.isPresent()) {
                return wait;
            }
        }
        return Optional.empty();
    }
}
