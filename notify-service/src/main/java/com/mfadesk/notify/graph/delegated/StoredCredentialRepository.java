package com.mfadesk.notify.graph.delegated;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface StoredCredentialRepository extends CrudRepository<StoredCredential, String> {
}
