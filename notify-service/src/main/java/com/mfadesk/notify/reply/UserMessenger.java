package com.mfadesk.notify.reply;

import com.mfadesk.common.graph.GraphException;
import com.mfadesk.notify.cases.SupportCase;
import com.mfadesk.notify.cases.SupportCaseRepository;
import com.mfadesk.notify.cases.SupportMailboxConfiguration;
import com.mfadesk.notify.graph.Mailbox;
import com.mfadesk.notify.graph.TeamsPlace;
import com.mfadesk.notify.graph.TeamsPoster;
import com.mfadesk.notify.outbox.OutboxEntry;
import com.mfadesk.notify.outbox.OutboxHandler;
import com.mfadesk.notify.outbox.OutboxKind;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends the one message a user gets, in the thread they wrote in: a reply to their mail (at the id it came with
 * through Graph, else found by its Message-ID; a new "RE:" mail when the original cannot be found in the mailbox),
 * a reply under their channel post, or a message in their chat.
 */
@Singleton
public class UserMessenger implements OutboxHandler {

    private final SupportCaseRepository cases;
    private final Mailbox mailbox;
    private final TeamsPoster teams;
    private final SupportMailboxConfiguration support;
    private final MailLookAhead lookAhead;

    public UserMessenger(SupportCaseRepository cases, Mailbox mailbox, TeamsPoster teams,
                         SupportMailboxConfiguration support, MailLookAhead lookAhead) {
        this.cases = cases;
        this.mailbox = mailbox;
        this.teams = teams;
        this.support = support;
        this.lookAhead = lookAhead;
    }

    @Override
    public boolean handles(OutboxKind kind) {
        return kind == OutboxKind.USER_MESSAGE;
    }

    /** Finds the mails of the upcoming mail answers together instead of one call each. */
    @Override
    public void prepare(List<OutboxEntry> upcoming) {
        if (upcoming.size() < 2) {
            return;
        }
        Map<String, Instant> received = new LinkedHashMap<>();
        for (SupportCase supportCase : cases.findByIdIn(upcoming.stream().map(OutboxEntry::caseId).toList())) {
            if (!supportCase.isTeams() && supportCase.graphMessageId() == null
                    && supportCase.internetMessageId() != null) {
                received.put(supportCase.internetMessageId(), supportCase.receivedAt());
            }
        }
        lookAhead.findAhead(received);
    }

    @Override
    public void handle(OutboxEntry entry) {
        SupportCase supportCase = cases.findById(entry.caseId())
                .orElseThrow(() -> new IllegalStateException("outbox entry for unknown case " + entry.caseId()));
        if (supportCase.isTeams()) {
            answerInTeams(supportCase, entry);
        } else {
            answerByMail(supportCase, entry);
        }
    }

    private void answerByMail(SupportCase supportCase, OutboxEntry entry) {
        String mbx = support.mailbox();
        String html = entry.payload();
        Mailbox.MailTag tag = new Mailbox.MailTag(supportCase.id(), supportCase.id() + ":" + entry.kind());
        if (entry.triedBefore() && mailbox.alreadySent(mbx, tag)) {
            return;
        }
        String subject = replySubject(supportCase.subject(), supportCase.id());
        if (supportCase.graphMessageId() != null) {
            try {
                mailbox.reply(mbx, supportCase.graphMessageId(), supportCase.requesterAddress(), subject, html, tag);
                return;
            } catch (GraphException e) {
                if (!e.isNotFound()) {
                    throw e;
                }
                // moved out of the Inbox since it came in (a mail's id changes with its folder): found below
            }
        }
        String lookedUpAhead = supportCase.internetMessageId() == null ? null
                : lookAhead.take(supportCase.internetMessageId()).orElse(null);
        Optional<String> original = lookedUpAhead != null
                ? Optional.of(lookedUpAhead)
                : Optional.ofNullable(supportCase.internetMessageId()).flatMap(id -> mailbox.findMessageId(mbx, id));
        if (original.isPresent()) {
            try {
                mailbox.reply(mbx, original.get(), supportCase.requesterAddress(), subject, html, tag);
            } catch (GraphException e) {
                if (lookedUpAhead != null && e.isNotFound()) {
                    // the mail moved since the batch found it (its id changes with its folder): look it up again
                    throw new GraphException(e.status(), e.getMessage() + "; looking the mail up again", true);
                }
                throw e;
            }
        } else {
            mailbox.send(mbx, supportCase.requesterAddress(), subject, html, tag);
        }
    }

    private void answerInTeams(SupportCase supportCase, OutboxEntry entry) {
        String html = entry.payload();
        TeamsPlace place = supportCase.teamsChatId() != null ? TeamsPlace.chat(supportCase.teamsChatId())
                : TeamsPlace.thread(supportCase.teamsTeamId(), supportCase.teamsChannelId(), supportCase.teamsRootId());
        // the signature names the case: an earlier try's post is recognised by it, and by being newer than the entry
        if (entry.triedBefore()
                && teams.postedSince(place, MessageComposer.shortCase(supportCase.id()), entry.createdAt())) {
            return;
        }
        if (supportCase.teamsChatId() != null) {
            teams.postInChat(supportCase.teamsChatId(), html);
        } else {
            teams.replyInChannel(supportCase.teamsTeamId(), supportCase.teamsChannelId(), supportCase.teamsRootId(),
                    html, new TeamsPoster.Mentioned(supportCase.requesterUserId(), supportCase.requesterName()));
        }
    }

    /**
     * "RE: subject [MFA-1a2b3c4d]": the tag carries the case into the user's next answer even when their client
     * drops the threading headers; intake reads it back.
     */
    static String replySubject(String subject, String caseId) {
        String tag = "[MFA-" + caseId.substring(0, Math.min(8, caseId.length())) + "]";
        String original = subject == null ? "" : subject.trim();
        if (!original.regionMatches(true, 0, "RE:", 0, 3)) {
            original = "RE: " + original;
        }
        return original.contains(tag) ? original : original + " " + tag;
    }
}
