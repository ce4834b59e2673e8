package com.mfadesk.notify.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The public state of a case (CONTRACT.md); absent values are written as null, not left out. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CaseView(String caseId, String channel, String scenario, String action, @Nullable String reason,
                       @Nullable String escalationRef) {

    /**
     * @param answerUnsent whether the decision's messages are still queued: the case stays PENDING until they are
     *                     out, so REPLIED means the user has the reply
     */
    static CaseView of(SupportCase supportCase, boolean answerUnsent) {
        return new CaseView(supportCase.id(), supportCase.channel(), supportCase.scenario(),
                answerUnsent ? SupportCase.PENDING : supportCase.action(), supportCase.reason(),
                supportCase.escalationRef());
    }
}
