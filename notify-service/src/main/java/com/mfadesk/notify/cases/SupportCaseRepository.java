package com.mfadesk.notify.cases;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface SupportCaseRepository extends CrudRepository<SupportCase, String> {

    long countByScenarioAndReceivedAtGreaterThan(String scenario, java.time.Instant after);
}
