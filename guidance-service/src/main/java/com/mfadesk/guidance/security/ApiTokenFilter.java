package com.mfadesk.guidance.security;

import com.mfadesk.guidance.api.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Requires {@code Authorization: Bearer <INTERNAL_API_TOKEN>} on {@code /api/**}, except reading the knowledge
 * base, which is public help content. The comparison is constant-time so the token cannot be guessed byte by byte
 * from response times. Without a configured token every call is refused: failing closed beats an open API.
 */
@ServerFilter("/api/**")
class ApiTokenFilter {

    private static final String PREFIX = "Bearer ";
    private static final String PUBLIC_PATH = "/api/v1/scenarios";

    private final byte[] expected;

    ApiTokenFilter(InternalApiConfiguration configuration) {
        this.expected = configuration.hasToken() ? configuration.apiToken().getBytes(StandardCharsets.UTF_8) : null;
    }

    @RequestFilter
    @Nullable
    HttpResponse<Problem> authenticate(HttpRequest<?> request) {
        if (request.getMethod() == HttpMethod.GET && PUBLIC_PATH.equals(request.getPath())) {
            return null;
        }
        String header = request.getHeaders().getAuthorization().orElse("");
        if (expected != null && header.startsWith(PREFIX)
            && MessageDigest.isEqual(expected, header.substring(PREFIX.length()).getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return HttpResponse.<Problem>status(HttpStatus.UNAUTHORIZED)
            .contentType(Problem.CONTENT_TYPE)
            .header("WWW-Authenticate", "Bearer")
            .body(Problem.of(401, "Unauthorized", "a valid internal bearer token is required"));
    }
}
