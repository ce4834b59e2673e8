package com.mfadesk.intake.cases;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/** Raw messages of new cases, written in the registration transaction ({@link Registration}). */
@JdbcRepository(dialect = Dialect.MYSQL, dataSource = Registration.DATA_SOURCE)
public interface RawMessageInserts extends GenericRepository<RawMessage, String> {

    RawMessage save(RawMessage raw);
}
