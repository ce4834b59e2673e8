package com.mfadesk.notify.helpdesk;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** An escalation as the help desk API shows it (CONTRACT.md); the detail view adds the message and the audit. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EscalationView(String ref, String caseId, String channel, String scenario, String reason,
                             Requester requester, String status, @Nullable String assignee,
                             @Nullable String resolutionNote, @Nullable String methodsSeen, Instant createdAt,
                             Instant updatedAt, @Nullable String messageText, @Nullable List<AuditEntry> audit) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Requester(@Nullable String address, @Nullable String displayName, boolean verified) {
    }

    static EscalationView summary(Escalation e) {
        return detail(e, null, null);
    }

    static EscalationView detail(Escalation e, @Nullable String messageText, @Nullable List<AuditEntry> audit) {
        return new EscalationView(e.ref(), e.caseId(), e.channel(), e.scenario(), e.reason(),
                new Requester(e.requesterAddress(), e.requesterName(), e.requesterVerified()), e.status(),
                e.assignee(), e.resolutionNote(), e.methodsSeen(), e.createdAt(), e.updatedAt(), messageText, audit);
    }
}
