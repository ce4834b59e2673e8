package com.mfadesk.intake.support;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** A route that fails the way a database does, with the statement in the exception's message. */
@Requires(property = "test.failing-route", value = "true")
@Controller("/test/failing")
public class FailingRoute {

    public static final String STATEMENT = "INSERT INTO inbound_case (id, subject) VALUES (?, ?)";

    @Get
    public String fail() {
        throw new DataAccessException("Error executing PERSIST: Data truncation: " + STATEMENT);
    }
}
