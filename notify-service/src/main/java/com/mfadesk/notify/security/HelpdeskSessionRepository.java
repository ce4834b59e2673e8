package com.mfadesk.notify.security;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface HelpdeskSessionRepository extends CrudRepository<HelpdeskSession, String> {

    void deleteByExpiresAtLessThan(Instant now);
}
