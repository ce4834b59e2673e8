package com.mfadesk.notify.cases;

import com.mfadesk.vocabulary.Scenario;
import com.mfadesk.common.wire.GuidanceResult;
import com.mfadesk.common.wire.CaseHandoff;
import com.mfadesk.notify.outbox.OutboxEntry;
import com.mfadesk.notify.outbox.OutboxKind;
import com.mfadesk.notify.outbox.OutboxRepository;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Takes a case over from intake-service exactly once: the case and its DECIDE entry are stored together. */
@Singleton
public class CaseIntake {

    private final SupportCaseRepository cases;
    private final OutboxRepository outbox;
    private final ObjectMapper objectMapper;
    private final OutageWatch outageWatch;
    private final Clock clock;

    public CaseIntake(SupportCaseRepository cases, OutboxRepository outbox, ObjectMapper objectMapper,
                      OutageWatch outageWatch, Clock clock) {
        this.cases = cases;
        this.outbox = outbox;
        this.objectMapper = objectMapper;
        this.outageWatch = outageWatch;
        this.clock = clock;
    }

    /** @return false when the case was already taken over (intake retried after a lost answer) */
    @Transactional
    public boolean takeOver(CaseHandoff handoff) {
        if (cases.existsById(handoff.caseId())) {
            return false;
        }
        Instant now = clock.instant();
        GuidanceResult guidance = handoff.guidance();
        CaseHandoff.TeamsThread teams = handoff.teams();
        CaseHandoff.Requester requester = handoff.requester();
        cases.save(new SupportCase(handoff.caseId(), handoff.channel(), handoff.threadCaseId(),
                requester.address(), requester.displayName(), requester.verified(), requester.userId(),
                handoff.subject(), handoff.text(), handoff.internetMessageId(),
                teams == null ? null : teams.teamId(), teams == null ? null : teams.channelId(),
                teams == null ? null : teams.rootMessageId(), teams == null ? null : teams.chatId(),
                guidance.scenario(), guidance.confidence(), guidance.saysNoAlternate(), guidance.fixAlreadyTried(),
                guidance.followUpOutcome(), guidance.language(), json(guidance.steps()), json(guidance.sources()),
                SupportCase.PENDING, null, null, null,
                handoff.receivedAt() == null ? now : handoff.receivedAt(), null,
                guidance.unavailableMethods() == null || guidance.unavailableMethods().isEmpty()
                        ? null : String.join(",", guidance.unavailableMethods()),
                guidance.lostPossible(), handoff.graphMessageId()));
        // a stolen phone is decided first: the help desk has account settings to clear
        int priority = Scenario.LOST_PHONE.is(guidance.scenario()) ? 0 : OutboxKind.DECIDE.priority();
        outbox.save(OutboxEntry.pending(handoff.caseId(), OutboxKind.DECIDE, priority, null, null, now));
        outageWatch.noticed(guidance.scenario(), now);
        return true;
    }

    private String json(List<String> values) {
        try {
            return objectMapper.writeValueAsString(values == null ? List.of() : values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
