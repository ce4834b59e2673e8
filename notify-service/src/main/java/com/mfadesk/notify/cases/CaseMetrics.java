package com.mfadesk.notify.cases;

import com.mfadesk.notify.outbox.OutboxEntry;
import com.mfadesk.notify.outbox.OutboxRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;

/**
 * What the operations dashboard needs: cases by scenario, action and reason ({@code cases.decided}), time from
 * receipt to decision ({@code cases.time.to.decision}), and the outbox's depth ({@code outbox.entries} by status).
 */
@Singleton
public class CaseMetrics {

    private final MeterRegistry registry;

    public CaseMetrics(MeterRegistry registry, OutboxRepository outbox) {
        this.registry = registry;
        for (String status : new String[] {OutboxEntry.PENDING, OutboxEntry.DEAD}) {
            Gauge.builder("outbox.entries", outbox, repository -> repository.countByStatus(status))
                    .tag("status", status).register(registry);
        }
    }

    void decided(SupportCase supportCase, Decision decision, Instant at) {
        registry.counter("cases.decided", "channel", supportCase.channel(), "scenario", decision.scenario(),
                "action", decision.action().name(), "reason", decision.reason() == null ? "" : decision.reason())
                .increment();
        registry.timer("cases.time.to.decision", "channel", supportCase.channel())
                .record(Duration.between(supportCase.receivedAt(), at));
    }
}
