package com.mfadesk.notify.outbox;

import com.mfadesk.common.retry.RetryDelays;
import com.mfadesk.common.graph.GraphException;
import com.mfadesk.common.work.BoundedWork;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

/**
 * Drains the outbox: claims due entries, hands each to its handler, and records the outcome. Transient failures
 * back off exponentially with jitter; permanent ones are dead-lettered with Graph's answer, never retried forever.
 */
@Singleton
public class OutboxWorker {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

    private final OutboxRepository outbox;
    /** Stands for "no destination waits": a value no destination has. */
    private static final List<String> NONE = List.of("");

    private final SendPacing pacing;
    private final List<OutboxHandler> handlers;
    private final OutboxConfiguration configuration;
    private final Clock clock;
    private final ExecutorService workers;
    private final String owner = "notify-" + UUID.randomUUID();

    public OutboxWorker(OutboxRepository outbox, SendPacing pacing, List<OutboxHandler> handlers,
                        OutboxConfiguration configuration, Clock clock,
                        @Named(TaskExecutors.BLOCKING) ExecutorService workers) {
        this.outbox = outbox;
        this.pacing = pacing;
        this.handlers = handlers;
        this.configuration = configuration;
        this.clock = clock;
        this.workers = workers;
    }

    @Scheduled(fixedDelay = "${outbox.poll-interval:200ms}", initialDelay = "${outbox.initial-delay:1s}")
    void poll() {
        drain();
    }

    /**
     * Works until nothing is due; returns how many entries it handled. Entries bound for a mailbox, channel or chat
     * that has to wait are passed over, so one busy destination never holds up the others; when only waiting ones
     * are left and the first frees up within a poll interval, the worker waits for it here.
     */
    public int drain() {
        Map<String, Instant> waiting = new HashMap<>();
        BoundedWork running = new BoundedWork(workers, configuration.concurrency());
        int handled = 0;
        while (true) {
            Instant now = clock.instant();
            waiting.values().removeIf(until -> !until.isAfter(now));
            List<OutboxEntry> due = due(now, waiting);
            if (due.isEmpty() && !running.isIdle()) {
                // what is still running may queue more (a decision queues its answers)
                running.awaitAll();
                continue;
            }
            if (due.isEmpty()) {
                Optional<Instant> next = waiting.values().stream().min(Comparator.naturalOrder());
                if (next.isEmpty() || next.get().isAfter(now.plus(configuration.pollInterval()))
                        || !sleepUntil(next.get())) {
                    return handled;
                }
                continue;
            }
            prepare(due);
            for (OutboxEntry entry : due) {
                if (entry.destination() != null && waiting.containsKey(entry.destination())) {
                    continue;
                }
                Instant claimedAt = clock.instant();
                if (outbox.claim(entry.id(), owner, claimedAt.plus(configuration.lease()), claimedAt) != 1) {
                    continue;
                }
                Optional<Instant> wait = entry.destination() == null
                        ? Optional.empty()
                        : pacing.acquire(entry.destination());
                if (wait.isPresent()) {
                    outbox.release(entry.id(), owner);
                    waiting.put(entry.destination(), wait.get());
                    continue;
                }
                running.submit(() -> process(entry));
                handled++;
            }
        }
    }

    /**
     * The due entries in priority order, and after them the first ones that send somewhere: decisions go first, but
     * a backlog of them must not leave the mailbox's and channels' own budgets unused.
     */
    private List<OutboxEntry> due(Instant now, Map<String, Instant> waiting) {
        Collection<String> excluded = waiting.isEmpty() ? NONE : waiting.keySet();
        List<OutboxEntry> due = new ArrayList<>(outbox.findDue(now, excluded, configuration.batchSize()));
        Set<Long> ids = due.stream().map(OutboxEntry::id).collect(Collectors.toSet());
        for (OutboxEntry send : outbox.findDueToSend(now, excluded, configuration.batchSize())) {
            if (ids.add(send.id())) {
                due.add(send);
            }
        }
        return due;
    }

    private void prepare(List<OutboxEntry> due) {
        for (OutboxHandler handler : handlers) {
            List<OutboxEntry> own = due.stream().filter(entry -> handler.handles(entry.kind())).toList();
            if (!own.isEmpty()) {
                try {
                    handler.prepare(own);
                } catch (RuntimeException e) {
                    // preparing only saves calls: each entry still does its own reads when it is handled
                    LOG.warn("could not prepare {} {} entries: {}", own.size(), own.get(0).kind(), e.toString());
                }
            }
        }
    }

    private boolean sleepUntil(Instant until) {
        long millis = Duration.between(clock.instant(), until).toMillis();
        try {
            Thread.sleep(Math.max(1, millis));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void process(OutboxEntry entry) {
        MDC.put("caseId", entry.caseId());
        try {
            handlerFor(entry.kind()).handle(entry);
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
