package com.mfadesk.notify.outbox;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ThrottledDestinationRepository extends CrudRepository<ThrottledDestination, String> {

    /** Moves the block later, never earlier; 0 when the destination has no row yet. */
    @Query("UPDATE send_throttle SET blocked_until = :until WHERE destination = :destination "
            + "AND blocked_until < :until")
    int extend(String destination, Instant until);
}
