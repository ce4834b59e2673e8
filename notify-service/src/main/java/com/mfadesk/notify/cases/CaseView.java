package com.mfadesk.notify.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The public state of a case (CONTRACT.md); absent values are written as null, not left out. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CaseView(String caseId, String channel, String scenario, String action, @Nullable String reason,
                       @Nullable String escalationRef) {

    static CaseView of(SupportCase supportCase) {
        return new CaseView(supportCase.id(), supportCase.channel(), supportCase.scenario(), supportCase.action(),
                supportCase.reason(), supportCase.escalationRef());
    }
}
