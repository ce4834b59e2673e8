package com.mfadesk.notify.outbox;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Claiming is an optimistic UPDATE of one row's lease, so any number of notify-service instances can share the
 * table, on MySQL and on the embedded H2 alike (H2 has no SKIP LOCKED).
 */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface OutboxRepository extends CrudRepository<OutboxEntry, Long> {

    /** @param waiting destinations that must wait: their entries are left out (never empty: SQL has no "IN ()") */
    @Query("SELECT * FROM outbox WHERE status = 'PENDING' AND next_attempt_at <= :now "
            + "AND (lease_until IS NULL OR lease_until < :now) "
            + "AND (destination IS NULL OR destination NOT IN (:waiting)) ORDER BY priority, id LIMIT :limit")
    List<OutboxEntry> findDue(Instant now, Collection<String> waiting, int limit);

    @Query("UPDATE outbox SET lease_owner = :owner, lease_until = :until WHERE id = :id AND status = 'PENDING' "
            + "AND (lease_until IS NULL OR lease_until < :now)")
    int claim(Long id, String owner, Instant until, Instant now);

    /** The same, among entries that send somewhere: what the send lanes have due while decisions queue up. */
    @Query("SELECT * FROM outbox WHERE status = 'PENDING' AND next_attempt_at <= :now "
            + "AND (lease_until IS NULL OR lease_until < :now) "
            + "AND destination IS NOT NULL AND destination NOT IN (:waiting) ORDER BY priority, id LIMIT :limit")
    List<OutboxEntry> findDueToSend(Instant now, Collection<String> waiting, int limit);

    /** Gives a claimed entry back untouched: its destination has to wait. */
    @Query("UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE id = :id AND lease_owner = :owner")
    int release(Long id, String owner);

    @Query("UPDATE outbox SET status = 'DONE', done_at = :now, lease_owner = NULL, lease_until = NULL "
            + "WHERE id = :id")
    int markDone(Long id, Instant now);

    @Query("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error, "
            + "lease_owner = NULL, lease_until = NULL WHERE id = :id")
    int reschedule(Long id, Instant next, String error);

    @Query("UPDATE outbox SET status = 'DEAD', attempts = attempts + 1, last_error = :error, done_at = :now, "
            + "lease_owner = NULL, lease_until = NULL WHERE id = :id")
    int markDead(Long id, String error, Instant now);

    List<OutboxEntry> findByCaseId(String caseId);

    /** Whether the answer a decision queued (to the user, to the help desk) has yet to go out. */
    @Query("SELECT COUNT(*) > 0 FROM outbox WHERE case_id = :caseId AND status = 'PENDING' "
            + "AND kind IN ('USER_MESSAGE', 'HELPDESK_TEAMS', 'HELPDESK_MAIL')")
    boolean hasUnsentAnswer(String caseId);

    long countByStatus(String status);
}
