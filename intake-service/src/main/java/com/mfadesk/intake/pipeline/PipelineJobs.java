package com.mfadesk.intake.pipeline;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;

@Singleton
public class PipelineJobs {

    private final PipelineJobInserts jobs;
    private final Clock clock;

    public PipelineJobs(PipelineJobInserts jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Called inside the registration transaction that stores the case. */
    public void start(String caseId) {
        Instant now = clock.instant();
        jobs.save(new PipelineJob(caseId, PipelineJob.Stage.CLASSIFY, 0, now, null, null, null, null, now, null));
    }
}
