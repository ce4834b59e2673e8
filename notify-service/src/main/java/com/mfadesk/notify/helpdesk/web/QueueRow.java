package com.mfadesk.notify.helpdesk.web;

import com.mfadesk.notify.cases.EscalationReason;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.mfadesk.notify.helpdesk.Escalation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** One line of the queue, for the page and for its live refresh (JSON). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record QueueRow(String ref, String status, String age, Instant createdAt, @Nullable String requesterName,
                       @Nullable String requesterAddress, boolean verified, String scenario, String reason,
                       String reasonLabel, String channel, @Nullable String assignee) {

    static QueueRow of(Escalation e, Instant now) {
        return new QueueRow(e.ref(), e.status(), PageModel.age(e.createdAt(), now), e.createdAt(), e.requesterName(),
                e.requesterAddress(), e.requesterVerified(), e.scenario(), e.reason(),
                EscalationReason.label(e.reason()), e.channel(), e.assignee());
    }
}
