package com.mfadesk.notify.helpdesk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** That a pass was issued for an escalation, by whom and when; the pass itself is never kept. */
@MappedEntity("issued_pass")
public record IssuedPass(@Id Long escalationId, @Nullable String methodId, String issuedBy, Instant issuedAt) {
}
