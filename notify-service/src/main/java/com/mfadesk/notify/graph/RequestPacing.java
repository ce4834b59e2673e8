package com.mfadesk.notify.graph;

import com.mfadesk.common.graph.GraphRequestPacer;
import com.mfadesk.notify.outbox.GraphLimits;
import com.mfadesk.notify.outbox.RateLimiter;
import jakarta.inject.Singleton;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds each Graph request until the limits on requests allow it: per mailbox (Exchange's 10,000 per 10 minutes)
 * and, when configured, for the whole app. The slot is booked before the wait, so waiting requests queue in order.
 */
@Singleton
public class RequestPacing implements GraphRequestPacer {

    private static final Pattern MAILBOX_PATH =
            Pattern.compile("/users/([^/?]+)/(messages|sendMail|mailFolders)([/?].*)?$");

    private final RateLimiter limiter;
    private final GraphLimits limits;
    private final Clock clock;

    public RequestPacing(RateLimiter limiter, GraphLimits limits, Clock clock) {
        this.limiter = limiter;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public void awaitTurn(String method, String path) throws InterruptedException {
        Instant turn = clock.instant();
        var app = limits.appRequests();
        if (app.isPresent()) {
            turn = later(turn, limiter.takeNext("requests app", app.get()));
        }
        Matcher mailbox = MAILBOX_PATH.matcher(URLDecoder.decode(path, StandardCharsets.UTF_8));
        var perMailbox = limits.mailboxRequests();
        if (mailbox.find() && perMailbox.isPresent()) {
            String key = "requests mailbox:" + mailbox.group(1).toLowerCase(Locale.ROOT);
            turn = later(turn, limiter.takeNext(key, perMailbox.get()));
        }
        long wait = Duration.between(clock.instant(), turn).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
