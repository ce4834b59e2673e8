package com.mfadesk.common.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Micronaut's own error answers (unreadable body, too large, unknown route, an exception nobody handled) as
 * application/problem+json, like every other error. A 5xx says nothing about its cause: an exception's message may
 * hold SQL, a stack frame or someone's data, and the log already has it.
 */
@Primary
@Singleton
public class ProblemErrorBodyProvider implements JsonErrorResponseBodyProvider<Map<String, Object>> {

    static final String SERVER_ERROR_DETAIL = "the service could not handle this request; its log has the cause";

    @Override
    public Map<String, Object> body(ErrorContext context, HttpResponse<?> response) {
        String detail = response.code() >= 500 ? SERVER_ERROR_DETAIL
            : context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", response.reason());
        body.put("status", response.code());
        body.put("detail", detail.isEmpty() ? response.reason() : detail);
        return body;
    }

    @Override
    public String contentType() {
        return Problems.MEDIA_TYPE;
    }
}
