package com.mfadesk.notify.security;

import com.mfadesk.common.web.Problems;
import com.mfadesk.common.graph.GraphException;
import com.mfadesk.notify.helpdesk.EscalationConflictException;
import com.mfadesk.notify.helpdesk.EscalationNotFoundException;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Maps the service's typed exceptions to problem+json once, so controllers stay free of error plumbing. */
@Factory
public class ProblemExceptionHandlers {

    @Singleton
    ExceptionHandler<EscalationNotFoundException, HttpResponse<?>> notFound() {
        return (HttpRequest request, EscalationNotFoundException e) -> Problems.notFound(e.getMessage());
    }

    @Singleton
    ExceptionHandler<EscalationConflictException, HttpResponse<?>> conflict() {
        return (HttpRequest request, EscalationConflictException e) -> Problems.of(HttpStatus.CONFLICT, e.getMessage());
    }

    @Singleton
    ExceptionHandler<IllegalArgumentException, HttpResponse<?>> badRequest() {
        return (HttpRequest request, IllegalArgumentException e) -> Problems.of(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @Singleton
    ExceptionHandler<ForbiddenException, HttpResponse<?>> forbidden() {
        return (HttpRequest request, ForbiddenException e) -> Problems.of(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @Singleton
    ExceptionHandler<GraphException, HttpResponse<?>> graph() {
        return (HttpRequest request, GraphException e) -> Problems.of(HttpStatus.BAD_GATEWAY, e.getMessage());
    }
}
