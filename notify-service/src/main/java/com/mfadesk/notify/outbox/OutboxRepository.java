package com.mfadesk.notify.outbox;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

/**
 * Claiming is an optimistic UPDATE of one row's lease, so any number of notify-service instances can share the
 * table, on MySQL and on the embedded H2 alike (H2 has no SKIP LOCKED).
 */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface OutboxRepository extends CrudRepository<OutboxEntry, Long> {

    @Query("SELECT * FROM outbox WHERE status = 'PENDING' AND next_attempt_at <= :now "
            + "AND (lease_until IS NULL OR lease_until < :now) ORDER BY priority, id LIMIT :limit")
    List<OutboxEntry> findDue(Instant now, int limit);

    @Query("UPDATE outbox SET lease_owner = :owner, lease_until = :until WHERE id = :id AND status = 'PENDING' "
            + "AND (lease_until IS NULL OR lease_until < :now)")
    int claim(Long id, String owner, Instant until, Instant now);

    @Query("UPDATE outbox SET status = 'DONE', done_at = :now, lease_owner = NULL, lease_until = NULL "
            + "WHERE id = :id")
    int markDone(Long id, Instant now);

    @Query("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error, "
            + "lease_owner = NULL, lease_until = NULL WHERE id = :id")
    int reschedule(Long id, Instant next, String error);

    /** Later, without counting a try: the destination asked us to wait. */
    @Query("UPDATE outbox SET next_attempt_at = :next, lease_owner = NULL, lease_until = NULL WHERE id = :id")
    int postpone(Long id, Instant next);

    @Query("UPDATE outbox SET status = 'DEAD', attempts = attempts + 1, last_error = :error, done_at = :now, "
            + "lease_owner = NULL, lease_until = NULL WHERE id = :id")
    int markDead(Long id, String error, Instant now);

    List<OutboxEntry> findByCaseId(String caseId);

    long countByStatus(String status);
}
