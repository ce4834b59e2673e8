package com.mfadesk.intake.teams;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface TeamsSubscriptionRepository extends CrudRepository<TeamsSubscription, String> {

    Optional<TeamsSubscription> findByResource(String resource);
}
