package com.mfadesk.notify.helpdesk;

import com.mfadesk.notify.cases.SupportMailboxConfiguration;
import com.mfadesk.notify.graph.Mailbox;
import com.mfadesk.notify.graph.TeamsPlace;
import com.mfadesk.notify.graph.TeamsPoster;
import com.mfadesk.notify.outbox.OutboxEntry;
import com.mfadesk.notify.outbox.OutboxHandler;
import com.mfadesk.notify.outbox.OutboxKind;
import com.mfadesk.notify.reply.MessageComposer;
import jakarta.inject.Singleton;

/**
 * Tells the help desk about an escalation: a post with an Adaptive Card in its Teams channel and/or a mail to its
 * mailbox.
 */
@Singleton
public class HelpdeskAnnouncer implements OutboxHandler {

    private final EscalationRepository escalations;
    private final HelpdeskConfiguration helpdesk;
    private final SupportMailboxConfiguration support;
    private final TeamsPoster teams;
    private final Mailbox mailbox;
    private final MessageComposer composer;
    private final AnnouncementCard cards;

    public HelpdeskAnnouncer(EscalationRepository escalations, HelpdeskConfiguration helpdesk,
                             SupportMailboxConfiguration support, TeamsPoster teams, Mailbox mailbox,
                             MessageComposer composer, AnnouncementCard cards) {
        this.escalations = escalations;
        this.helpdesk = helpdesk;
        this.support = support;
        this.teams = teams;
        this.mailbox = mailbox;
        this.composer = composer;
        this.cards = cards;
    }

    @Override
    public boolean handles(OutboxKind kind) {
        return kind == OutboxKind.HELPDESK_TEAMS || kind == OutboxKind.HELPDESK_MAIL;
    }

    @Override
    public void handle(OutboxEntry entry) {
        Escalation escalation = escalations.findByCaseId(entry.caseId())
                .orElseThrow(() -> new IllegalStateException("no escalation for case " + entry.caseId()));
        if (entry.kind() == OutboxKind.HELPDESK_TEAMS) {
            // the announcement names the case in full: an earlier try's post is recognised by it
            if (entry.triedBefore() && teams.postedSince(TeamsPlace.channel(helpdesk.teamId(), helpdesk.channelId()),
                    escalation.caseId(), entry.createdAt())) {
                return;
            }
            teams.postCardInChannel(helpdesk.teamId(), helpdesk.channelId(), entry.payload(),
                    cards.announcement(escalation));
            return;
        }
        Mailbox.MailTag tag = new Mailbox.MailTag(entry.caseId(), entry.caseId() + ":" + entry.kind());
        if (entry.triedBefore() && mailbox.alreadySent(support.mailbox(), tag)) {
            return;
        }
        mailbox.send(support.mailbox(), helpdesk.mailbox(), composer.announcementSubject(escalation),
                entry.payload(), tag);
    }
}
