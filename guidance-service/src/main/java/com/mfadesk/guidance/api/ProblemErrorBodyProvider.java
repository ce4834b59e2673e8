package com.mfadesk.guidance.api;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.stream.Collectors;

/**
 * Makes Micronaut's own error answers (unreadable JSON, failed validation, unknown route) application/problem+json,
 * as the contract asks, instead of its default JSON error shape.
 */
@Primary
@Singleton
class ProblemErrorBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        String detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        return Problem.of(response.code(), response.reason(), detail.isEmpty() ? response.reason() : detail);
    }

    @Override
    public String contentType() {
        return Problem.CONTENT_TYPE;
    }
}
