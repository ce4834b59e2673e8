package com.mfadesk.intake.pipeline;

import com.mfadesk.common.retry.RetryDelays;
import com.mfadesk.common.work.BoundedWork;
import com.mfadesk.common.wire.GuidanceRequest;
import com.mfadesk.common.wire.GuidanceResult;
import com.mfadesk.common.wire.CaseHandoff;
import com.mfadesk.intake.cases.InboundCase;
import com.mfadesk.intake.cases.InboundCaseRepository;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * Drives accepted cases through guidance-service and on to notify-service. Each stage is recorded before the next
 * starts, so a restart or an outage downstream delays a case but never drops it or classifies it twice; notify
 * takes a case over idempotently, so a hand-over repeated after a lost answer is harmless.
 */
@Singleton
public class PipelineWorker {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineWorker.class);

    private final PipelineJobRepository jobs;
    private final InboundCaseRepository cases;
    private final GuidanceClient guidance;
    private final NotifyClient notify;
    private final ObjectMapper objectMapper;
    private final PipelineConfiguration configuration;
    private final Clock clock;
    private final ExecutorService workers;
    private final String owner = "intake-" + UUID.randomUUID();

    public PipelineWorker(PipelineJobRepository jobs, InboundCaseRepository cases, GuidanceClient guidance,
                          NotifyClient notify, ObjectMapper objectMapper, PipelineConfiguration configuration,
                          Clock clock, @Named(TaskExecutors.BLOCKING) ExecutorService workers) {
        this.jobs = jobs;
        this.cases = cases;
        this.guidance = guidance;
        this.notify = notify;
        this.objectMapper = objectMapper;
        this.configuration = configuration;
        this.clock = clock;
        this.workers = workers;
    }

    @Scheduled(fixedDelay = "${pipeline.poll-interval:200ms}", initialDelay = "1s")
    void poll() {
        drain();
    }

    /**
     * Works until nothing is due; returns how many jobs it moved on. Up to {@code concurrency} jobs are in the works
     * at once: each mostly waits on guidance and notify.
     */
    public int drain() {
        BoundedWork running = new BoundedWork(workers, configuration.concurrency());
        int handled = 0;
        while (true) {
            Instant now = clock.instant();
            List<PipelineJob> due = jobs.findDue(now, configuration.batchSize());
            if (due.isEmpty()) {
                if (running.isIdle()) {
                    return handled;
                }
                running.awaitAll();
                continue;
            }
            for (PipelineJob job : due) {
                if (jobs.claim(job.caseId(), owner, now.plus(configuration.lease()), now) == 1) {
                    running.submit(() -> advance(job));
                    handled++;
                }
            }
        }
    }

    private void advance(PipelineJob job) {
        MDC.put("caseId", job.caseId());
        try {
            InboundCase inbound = cases.findById(job.caseId())
                    .orElseThrow(() -> new IllegalStateException("job without case " + job.caseId()));
            GuidanceResult result = job.stage() == PipelineJob.Stage.CLASSIFY
                    ? classify(inbound)
                    : objectMapper.readValue(job.guidanceJson(), GuidanceResult.class);
            notify.handOver(handoffOf(inbound, result));
            jobs.done(job.caseId(), clock.instant());
            LOG.info("case {} handed over to notify as {}", job.caseId(), result.scenario());
        } catch (RuntimeException | IOException e) {
            Duration wait = RetryDelays.after(job.attempts(), configuration.maxBackoff());
            LOG.warn("case {} stuck at {} ({}), trying again in {}", job.caseId(), job.stage(), e.toString(), wait);
            jobs.reschedule(job.caseId(), clock.instant().plus(wait), RetryDelays.truncate(e.toString()));
        } finally {
            MDC.remove("caseId");
        }
    }

    private GuidanceResult classify(InboundCase inbound) {
        GuidanceResult result = inbound.bulk()
                ? GuidanceResult.notSupport()
                : guidance.classify(new GuidanceRequest(inbound.channel().name(), inbound.subject(),
                inbound.newText() == null ? "" : inbound.newText(), inbound.threadCaseId() != null));
        if (result == null || result.scenario() == null) {
            throw new IllegalStateException("guidance-service answered without a scenario");
        }
        jobs.classified(inbound.id(), json(result));
        return result;
    }

    private static CaseHandoff handoffOf(InboundCase inbound, GuidanceResult result) {
        CaseHandoff.TeamsThread teams = inbound.teamsTeamId() == null && inbound.teamsChatId() == null
                ? null
                : new CaseHandoff.TeamsThread(inbound.teamsTeamId(), inbound.teamsChannelId(), inbound.teamsRootId(),
                inbound.teamsChatId());
        return new CaseHandoff(inbound.id(), inbound.channel().name(), inbound.threadCaseId(),
                new CaseHandoff.Requester(inbound.senderAddress(), inbound.senderName(), inbound.senderVerified(),
                        inbound.senderUserId()),
                inbound.subject(), inbound.newText(), inbound.internetMessageId(), inbound.graphMessageId(), teams, result,
                inbound.receivedAt());
    }

    private String json(GuidanceResult result) {
        try {
            return objectMapper.writeValueAsString(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
