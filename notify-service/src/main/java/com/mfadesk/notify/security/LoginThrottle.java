package com.mfadesk.notify.security;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing, per account and per client address, on the form and over Basic auth alike: from the
 * {@value #FREE_FAILURES}th failure in a row each further try waits twice as long as the one before, and from the
 * {@value #LOCK_AFTER}th the key is locked for {@link #LOCK}. While a key waits no password is checked, the right one
 * included, and the try counts as another failure. A success clears the account and the address. Each lock is
 * written to the security log.
 *
 * <p>The counts live in this instance's memory: behind a load balancer each instance counts its own share.
 */
@Singleton
public class LoginThrottle {

    static final int FREE_FAILURES = 3;
    static final int LOCK_AFTER = 10;
    static final Duration LOCK = Duration.ofMinutes(15);
    private static final int MAX_KEYS = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the account or the address must still wait; empty when a password may be checked now. */
    public Optional<Duration> wait(String username, String clientAddress) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : keys(username, clientAddress)) {
            Failures f = failures.get(key);
            if (f != null && f.until().isAfter(now)) {
                Duration left = Duration.between(now, f.until());
                longest = left.compareTo(longest) > 0 ? left : longest;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    public void failed(String username, String clientAddress) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_KEYS) {
            failures.clear();
        }
        for (String key : keys(username, clientAddress)) {
            Failures f = failures.merge(key, new Failures(1, now), (old, one) -> old.next(now));
            if (f.count() == LOCK_AFTER) {
                LOG.warn("sign-in locked for {} after {} failed attempts in a row, until {}", key, f.count(), f.until());
            }
        }
    }

    public void succeeded(String username, String clientAddress) {
        for (String key : keys(username, clientAddress)) {
            failures.remove(key);
        }
    }

    private static String[] keys(String username, String clientAddress) {
        return new String[] {"account " + (username == null ? "" : username.toLowerCase(Locale.ROOT)),
            "address " + clientAddress};
    }

    private record Failures(int count, Instant until) {

        Failures next(Instant now) {
            int n = count + 1;
            if (n >= LOCK_AFTER) {
                return new Failures(n, now.plus(LOCK));
            }
            return new Failures(n, n < FREE_FAILURES ? now : now.plusSeconds(1L << (n - FREE_FAILURES)));
        }
    }
}
