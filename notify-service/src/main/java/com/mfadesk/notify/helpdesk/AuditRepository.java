package com.mfadesk.notify.helpdesk;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AuditRepository extends CrudRepository<AuditEntry, Long> {

    List<AuditEntry> findByEscalationRefOrderById(String escalationRef);
}
