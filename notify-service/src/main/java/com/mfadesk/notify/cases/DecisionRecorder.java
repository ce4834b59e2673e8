package com.mfadesk.notify.cases;

import com.mfadesk.notify.helpdesk.Escalation;
import com.mfadesk.notify.helpdesk.EscalationDesk;
import com.mfadesk.notify.helpdesk.HelpdeskConfiguration;
import com.mfadesk.notify.outbox.Destinations;
import com.mfadesk.notify.outbox.OutboxEntry;
import com.mfadesk.notify.outbox.OutboxKind;
import com.mfadesk.notify.outbox.OutboxRepository;
import com.mfadesk.notify.reply.MessageComposer;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;

/**
 * Records a decision together with everything it sends: the escalation, the message to the user and the help desk
 * announcements are queued in the transaction that completes the DECIDE entry, so a crash leaves all or none.
 */
@Singleton
public class DecisionRecorder {

    private final SupportCaseRepository cases;
    private final EscalationDesk escalations;
    private final OutboxRepository outbox;
    private final MessageComposer composer;
    private final HelpdeskConfiguration helpdesk;
    private final Destinations destinations;
    private final CaseMetrics metrics;
    private final Clock clock;

    public DecisionRecorder(SupportCaseRepository cases, EscalationDesk escalations, OutboxRepository outbox,
                            MessageComposer composer, HelpdeskConfiguration helpdesk, Destinations destinations,
                            CaseMetrics metrics, Clock clock) {
        this.cases = cases;
        this.escalations = escalations;
        this.outbox = outbox;
        this.composer = composer;
        this.helpdesk = helpdesk;
        this.destinations = destinations;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Transactional
    public void record(SupportCase supportCase, Decision decision, Long decideEntryId) {
        Instant now = clock.instant();
        Escalation escalation = decision.action() == Action.ESCALATED
                ? escalations.open(supportCase, decision, now)
                : null;
        SupportCase decided = cases.update(
                supportCase.decided(decision, escalation == null ? null : escalation.ref(), now));
        if (decision.acknowledgesRequester()) {
            // someone waiting on an escalation hears from us before routine answers go out
            int priority = decision.action() == Action.ESCALATED ? 1 : OutboxKind.USER_MESSAGE.priority();
            queue(decided, OutboxKind.USER_MESSAGE, priority, composer.userMessage(decided, decision), now);
        }
        if (escalation != null) {
            String announcement = composer.announcement(escalation);
            if (helpdesk.announcesInTeams()) {
                queue(decided, OutboxKind.HELPDESK_TEAMS, OutboxKind.HELPDESK_TEAMS.priority(), announcement, now);
            }
            if (helpdesk.announcesByMail()) {
                queue(decided, OutboxKind.HELPDESK_MAIL, OutboxKind.HELPDESK_MAIL.priority(), announcement, now);
            }
        }
        outbox.markDone(decideEntryId, now);
        metrics.decided(decided, decision, now);
    }

    private void queue(SupportCase decided, OutboxKind kind, int priority, String payload, Instant now) {
        outbox.save(OutboxEntry.pending(decided.id(), kind, priority, destinations.of(kind, decided), payload, now));
    }
}
