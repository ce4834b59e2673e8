package com.mfadesk.notify.helpdesk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** Who did what to an escalation, and when. Never holds a Temporary Access Pass. */
@Serdeable
@MappedEntity("escalation_audit")
public record AuditEntry(@Id @GeneratedValue @Nullable Long id, String escalationRef, String actor, String action,
                         @Nullable String detail, Instant at) {
}
