package com.mfadesk.intake.security;

import com.mfadesk.common.web.Problems;
import com.mfadesk.common.web.InternalApiConfiguration;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Ingestion and look-ups need the internal bearer token. The notification endpoints (Teams, mail) are exempt: Graph
 * cannot send a token, and each notification is authenticated by its clientState instead.
 */
@ServerFilter("/api/**")
public class BearerTokenFilter {

    private static final Set<String> NOTIFICATIONS = Set.of("/api/v1/teams/notifications",
            "/api/v1/mail/notifications");

    private final InternalApiConfiguration internalApi;

    public BearerTokenFilter(InternalApiConfiguration internalApi) {
        this.internalApi = internalApi;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        if (NOTIFICATIONS.contains(request.getPath())) {
            return null;
        }
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (internalApi.isSet() && authorization != null && authorization.startsWith("Bearer ")
                && MessageDigest.isEqual(authorization.substring(7).getBytes(StandardCharsets.UTF_8),
                internalApi.apiToken().getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return Problems.of(HttpStatus.UNAUTHORIZED, "missing or wrong bearer token")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
}
