package com.mfadesk.intake.notifications;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ChangeNotificationRepository extends CrudRepository<ChangeNotification, Long> {

    @Query("SELECT * FROM change_notification WHERE status = 'PENDING' AND next_attempt_at <= :now "
            + "AND (lease_until IS NULL OR lease_until < :now) ORDER BY id LIMIT :limit")
    List<ChangeNotification> findDue(Instant now, int limit);

    @Query("UPDATE change_notification SET lease_owner = :owner, lease_until = :until WHERE id = :id "
            + "AND status = 'PENDING' AND (lease_until IS NULL OR lease_until < :now)")
    int claim(Long id, String owner, Instant until, Instant now);

    @Query("UPDATE change_notification SET status = 'DONE', lease_owner = NULL, lease_until = NULL WHERE id = :id")
    int done(Long id);

    @Query("UPDATE change_notification SET status = 'FAILED', last_error = :error, lease_owner = NULL, "
            + "lease_until = NULL WHERE id = :id")
    int failed(Long id, String error);

    @Query("UPDATE change_notification SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error, "
            + "lease_owner = NULL, lease_until = NULL WHERE id = :id")
    int reschedule(Long id, Instant next, String error);
}
