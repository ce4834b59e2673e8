package com.mfadesk.notify.security;

import io.micronaut.http.HttpRequest;

/** Who made a request, as {@link ApiAuthenticationFilter} established it. */
public record Caller(String name, boolean internal) {

    static final String ATTRIBUTE = "mfadesk.caller";

    public static Caller of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Caller.class)
                .orElseThrow(() -> new IllegalStateException("request was not authenticated"));
    }
}
