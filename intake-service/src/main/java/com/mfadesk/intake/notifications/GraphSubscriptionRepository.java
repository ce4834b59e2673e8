package com.mfadesk.intake.notifications;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface GraphSubscriptionRepository extends CrudRepository<GraphSubscription, String> {

    Optional<GraphSubscription> findByResource(String resource);
}
