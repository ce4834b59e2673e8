package com.mfadesk.notify.helpdesk;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface EscalationRepository extends CrudRepository<Escalation, Long> {

    Optional<Escalation> findByRef(String ref);

    Optional<Escalation> findByCaseId(String caseId);

    List<Escalation> findByStatusOrderByCreatedAt(String status);

    List<Escalation> findAllOrderByCreatedAt();
}
