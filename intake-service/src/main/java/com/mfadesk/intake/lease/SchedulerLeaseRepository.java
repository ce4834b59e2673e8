package com.mfadesk.intake.lease;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface SchedulerLeaseRepository extends CrudRepository<SchedulerLease, String> {

    /** Takes the lease when it is free or expired, or extends it when we hold it; 1 when we hold it after. */
    @Query("UPDATE scheduler_lease SET owner = :owner, lease_until = :until WHERE name = :name "
            + "AND (owner = :owner OR lease_until < :now)")
    int take(String name, String owner, Instant until, Instant now);
}
