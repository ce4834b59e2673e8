package com.mfadesk.intake.cases;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RejectedMessageRepository extends CrudRepository<RejectedMessage, Long> {

    boolean existsByRawSha256(String rawSha256);
}
