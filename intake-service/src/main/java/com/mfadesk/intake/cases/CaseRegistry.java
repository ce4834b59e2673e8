package com.mfadesk.intake.cases;

import com.mfadesk.intake.pipeline.PipelineJobs;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Registers inbound messages. The case, the raw bytes and (for an accepted case) its pipeline job are written in one
 * transaction before intake answers, so nothing that was accepted can be lost. The unique (channel, external id)
 * key settles races between two deliveries of the same message: the loser reports DUPLICATE.
 */
@Singleton
public class CaseRegistry {

    private final InboundCaseRepository cases;
    private final CaseWriter writer;
    private final MeterRegistry metrics;

    public CaseRegistry(InboundCaseRepository cases, CaseWriter writer, MeterRegistry metrics) {
        this.cases = cases;
        this.writer = writer;
        this.metrics = metrics;
    }

    /** Registers the message and counts it ({@code intake.messages} by channel and status). */
    public CaseRegistration register(InboundCase inbound, byte[] raw) {
        CaseRegistration registration = store(inbound, raw);
        metrics.counter("intake.messages", "channel", inbound.channel().name(),
                "status", registration.status().name()).increment();
        return registration;
    }

    /**
     * Inserts first and reads only when the unique key refuses the case: duplicates are rare, so the usual mail costs
     * one connection and no look-up. A delivery racing another waits on the key until the first commits, then reads
     * the case it made.
     */
    private CaseRegistration store(InboundCase inbound, byte[] raw) {
        try {
            writer.write(inbound, raw);
        } catch (DataAccessException e) {
            return cases.findByChannelAndExternalId(inbound.channel(), inbound.externalId())
                    .map(CaseRegistry::duplicateOf)
                    .orElseThrow(() -> e);
        }
        return new CaseRegistration(inbound.id(), inbound.status(), inbound.ignoreReason());
    }

    private static CaseRegistration duplicateOf(InboundCase first) {
        return new CaseRegistration(first.id(), IntakeStatus.DUPLICATE, null);
    }

    /** The transactional part, a bean of its own so the transaction advice applies. */
    @Singleton
    public static class CaseWriter {

        private final InboundCaseInserts cases;
        private final RawMessageInserts rawMessages;
        private final PipelineJobs jobs;

        public CaseWriter(InboundCaseInserts cases, RawMessageInserts rawMessages, PipelineJobs jobs) {
            this.cases = cases;
            this.rawMessages = rawMessages;
            this.jobs = jobs;
        }

        @Transactional(Registration.DATA_SOURCE)
        public void write(InboundCase inbound, byte[] raw) {
            cases.save(inbound);
            rawMessages.save(new RawMessage(inbound.id(), raw, raw.length));
            if (inbound.status() == IntakeStatus.ACCEPTED) {
                jobs.start(inbound.id());
            }
        }
    }
}
