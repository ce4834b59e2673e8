package com.mfadesk.notify.cases;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface SupportCaseRepository extends CrudRepository<SupportCase, String> {

    List<SupportCase> findByIdIn(Collection<String> ids);

    long countByScenarioAndReceivedAtGreaterThan(String scenario, java.time.Instant after);
}
