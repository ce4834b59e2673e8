package com.mfadesk.intake.cases;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/** New cases, written in the registration transaction ({@link Registration}). */
@JdbcRepository(dialect = Dialect.MYSQL, dataSource = Registration.DATA_SOURCE)
public interface InboundCaseInserts extends GenericRepository<InboundCase, String> {

    InboundCase save(InboundCase inbound);
}
