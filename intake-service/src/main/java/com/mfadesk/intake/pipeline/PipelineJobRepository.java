package com.mfadesk.intake.pipeline;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

/** Claiming is an optimistic UPDATE of a lease, so several intake instances can share the table (MySQL and H2). */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface PipelineJobRepository extends CrudRepository<PipelineJob, String> {

    @Query("SELECT * FROM pipeline_job WHERE stage <> 'DONE' AND next_attempt_at <= :now "
            + "AND (lease_until IS NULL OR lease_until < :now) ORDER BY next_attempt_at LIMIT :limit")
    List<PipelineJob> findDue(Instant now, int limit);

    @Query("UPDATE pipeline_job SET lease_owner = :owner, lease_until = :until WHERE case_id = :caseId "
            + "AND stage <> 'DONE' AND (lease_until IS NULL OR lease_until < :now)")
    int claim(String caseId, String owner, Instant until, Instant now);

    @Query("UPDATE pipeline_job SET stage = 'HAND_OVER', guidance_json = :guidanceJson, attempts = 0, "
            + "last_error = NULL WHERE case_id = :caseId")
    int classified(String caseId, String guidanceJson);

    @Query("UPDATE pipeline_job SET stage = 'DONE', done_at = :now, lease_owner = NULL, lease_until = NULL "
            + "WHERE case_id = :caseId")
    int done(String caseId, Instant now);

    @Query("UPDATE pipeline_job SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error, "
            + "lease_owner = NULL, lease_until = NULL WHERE case_id = :caseId")
    int reschedule(String caseId, Instant next, String error);
}
