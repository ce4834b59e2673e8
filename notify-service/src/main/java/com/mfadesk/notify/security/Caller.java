package com.mfadesk.notify.security;

import com.mfadesk.notify.helpdesk.HelpdeskUser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

/**
 * Who made a request, as {@link ApiAuthenticationFilter} established it: the internal service token, or a help desk
 * user (role AGENT or ADMIN) by HTTP Basic or by a browser session.
 */
public record Caller(String name, boolean internal, @Nullable String role) {

    static final String ATTRIBUTE = "mfadesk.caller";

    public Caller(String name, boolean internal) {
        this(name, internal, null);
    }

    public static Caller of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Caller.class)
                .orElseThrow(() -> new IllegalStateException("request was not authenticated"));
    }

    public boolean isAdmin() {
        return !internal && HelpdeskUser.ADMIN.equals(role);
    }

    /** Refuses (403) anyone but a help desk admin. */
    public Caller requireAdmin() {
        if (!isAdmin()) {
            throw new ForbiddenException("only a help desk ADMIN may do this");
        }
        return this;
    }
}
