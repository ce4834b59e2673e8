package com.mfadesk.notify.outbox;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** Each statement is one atomic step of GCRA, so instances sharing the table never hand out the same slot. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface RateLimitRepository extends CrudRepository<RateLimitRow, String> {

    /** Takes the next slot if it is due now; 0 when the limit has no row yet or is not due. */
    @Query("UPDATE rate_limit SET tat_ms = GREATEST(tat_ms, :now) + :interval WHERE limit_key = :key "
            + "AND GREATEST(tat_ms, :now) - :tolerance <= :now")
    int takeIfDue(String key, long now, long interval, long tolerance);

    /** Takes the next slot, now or later; 0 when the limit has no row yet. */
    @Query("UPDATE rate_limit SET tat_ms = GREATEST(tat_ms, :now) + :interval WHERE limit_key = :key")
    int takeNext(String key, long now, long interval);
}
