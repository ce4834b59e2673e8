package com.mfadesk.notify.helpdesk;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A help desk agent or admin; the password only as a KDF hash. */
@MappedEntity("helpdesk_user")
public record HelpdeskUser(@Id String username, String passwordHash, String role, Instant createdAt) {

    public static final String AGENT = "AGENT";
    public static final String ADMIN = "ADMIN";
}
