package com.mfadesk.notify.security;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A signed-in browser: keyed by the SHA-256 of its cookie, with the session's CSRF synchronizer token. */
@MappedEntity("helpdesk_session")
public record HelpdeskSession(@Id String idHash, String username, String csrfToken, Instant createdAt,
                              Instant lastSeenAt, Instant expiresAt) {

    HelpdeskSession seenAt(Instant now) {
        return new HelpdeskSession(idHash, username, csrfToken, createdAt, now, expiresAt);
    }
}
