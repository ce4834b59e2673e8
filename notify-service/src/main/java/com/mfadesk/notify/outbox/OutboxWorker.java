package com.mfadesk.notify.outbox;

import com.mfadesk.common.retry.RetryDelays;
import com.mfadesk.common.graph.GraphException;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Drains the outbox: claims due entries, hands each to its handler, and records the outcome. Transient failures
 * back off exponentially with jitter; permanent ones are dead-lettered with Graph's answer, never retried forever.
 */
@Singleton
public class OutboxWorker {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

    private final OutboxRepository outbox;
    private final SendThrottle throttle;
    private final List<OutboxHandler> handlers;
    private final OutboxConfiguration configuration;
    private final Clock clock;
    private final String owner = "notify-" + UUID.randomUUID();

    public OutboxWorker(OutboxRepository outbox, SendThrottle throttle, List<OutboxHandler> handlers,
                        OutboxConfiguration configuration, Clock clock) {
        this.outbox = outbox;
        this.throttle = throttle;
        this.handlers = handlers;
        this.configuration = configuration;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${outbox.poll-interval:200ms}", initialDelay = "1s")
    void poll() {
        drain();
    }

    /** Works until nothing is due; returns how many entries it handled. */
    public int drain() {
        int handled = 0;
        List<OutboxEntry> due;
        do {
            Instant now = clock.instant();
            due = outbox.findDue(now, configuration.batchSize());
            for (OutboxEntry entry : due) {
                if (outbox.claim(entry.id(), owner, now.plus(configuration.lease()), now) == 1) {
                    process(entry);
                    handled++;
                }
            }
        } while (!due.isEmpty());
        return handled;
    }

    private void process(OutboxEntry entry) {
        MDC.put("caseId", entry.caseId());
        try {
            OutboxHandler handler = handlerFor(entry.kind());
            Optional<Instant> blocked = handler.destination(entry).flatMap(throttle::blockedUntil);
            if (blocked.isPresent()) {
                outbox.postpone(entry.id(), blocked.get());
                return;
            }
            handler.handle(entry);
            outbox.markDone(entry.id(), clock.instant());
        } catch (GraphException e) {
            if (e.isTransient()) {
                Duration wait = RetryDelays.after(entry.attempts(), configuration.maxBackoff());
                LOG.warn("{} for case {} failed ({}), trying again in {}", entry.kind(), entry.caseId(),
                        e.getMessage(), wait);
                outbox.reschedule(entry.id(), clock.instant().plus(wait), RetryDelays.truncate(e.getMessage()));
            } else {
                LOG.error("{} for case {} cannot succeed: {}", entry.kind(), entry.caseId(), e.getMessage());
                outbox.markDead(entry.id(), RetryDelays.truncate(e.getMessage()), clock.instant());
            }
        } catch (RuntimeException e) {
            Duration wait = RetryDelays.after(entry.attempts(), configuration.maxBackoff());
            LOG.error("{} for case {} failed unexpectedly, trying again in {}", entry.kind(), entry.caseId(), wait, e);
            outbox.reschedule(entry.id(), clock.instant().plus(wait), RetryDelays.truncate(String.valueOf(e)));
        } finally {
            MDC.remove("caseId");
        }
    }

    private OutboxHandler handlerFor(OutboxKind kind) {
        return handlers.stream().filter(h -> h.handles(kind)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no handler for " + kind));
    }
}
