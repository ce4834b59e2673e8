package com.mfadesk.notify.helpdesk;

import com.mfadesk.notify.cases.SupportMailboxConfiguration;
import com.mfadesk.notify.graph.Mailbox;
import com.mfadesk.notify.graph.TeamsPoster;
import com.mfadesk.notify.outbox.Destinations;
import com.mfadesk.notify.outbox.OutboxEntry;
import com.mfadesk.notify.outbox.OutboxHandler;
import com.mfadesk.notify.outbox.OutboxKind;
import com.mfadesk.notify.outbox.OutboxRepository;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Alerts about the service itself, to the help desk's channel and mailbox. Each alert has a key (e.g. the
 * incident's scenario and hour): it goes out through the outbox once per key and destination, however many
 * instances or cases raise it.
 */
@Singleton
public class HelpdeskAlerts implements OutboxHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HelpdeskAlerts.class);
    private static final int MAX_KEY = 36;
    private static final int MAX_REMEMBERED = 10_000;

    private final OutboxRepository outbox;
    private final HelpdeskConfiguration helpdesk;
    private final SupportMailboxConfiguration support;
    private final TeamsPoster teams;
    private final Mailbox mailbox;
    private final Destinations destinations;
    private final Clock clock;
    private final Set<String> raisedHere = ConcurrentHashMap.newKeySet();

    public HelpdeskAlerts(OutboxRepository outbox, HelpdeskConfiguration helpdesk, SupportMailboxConfiguration support,
                          TeamsPoster teams, Mailbox mailbox, Destinations destinations, Clock clock) {
        this.outbox = outbox;
        this.helpdesk = helpdesk;
        this.support = support;
        this.teams = teams;
        this.mailbox = mailbox;
        this.destinations = destinations;
        this.clock = clock;
    }

    /** Queues the alert unless one with this key was queued before. */
    public void raise(String key, String subject, String html) {
        String id = key.length() <= MAX_KEY ? key : key.substring(0, MAX_KEY);
        if (raisedHere.size() > MAX_REMEMBERED) {
            raisedHere.clear();
        }
        if (raisedHere.contains(id)) {
            return; // every case of a spike asks again; the outbox's unique key covers the other instances
        }
        String payload = subject + "\n" + html;
        if (helpdesk.announcesInTeams()) {
            queueOnce(id, OutboxKind.ALERT_TEAMS, payload);
        }
        if (helpdesk.announcesByMail()) {
            queueOnce(id, OutboxKind.ALERT_MAIL, payload);
        }
        raisedHere.add(id);
        LOG.warn("help desk alert {}: {}", id, subject);
    }

    private void queueOnce(String key, OutboxKind kind, String payload) {
        if (outbox.findByCaseId(key).stream().anyMatch(entry -> entry.kind() == kind)) {
            return;
        }
        try {
            outbox.save(OutboxEntry.pending(key, kind, kind.priority(), destinations.of(kind, null), payload,
                    clock.instant()));
        } catch (DataAccessException alreadyQueued) {
            LOG.debug("alert {} already queued by another instance", key);
        }
    }

    @Override
    public boolean handles(OutboxKind kind) {
        return kind == OutboxKind.ALERT_TEAMS || kind == OutboxKind.ALERT_MAIL;
    }

    @Override
    public void handle(OutboxEntry entry) {
        int newline = entry.payload().indexOf('\n');
        String subject = entry.payload().substring(0, newline);
        String html = entry.payload().substring(newline + 1);
        if (entry.kind() == OutboxKind.ALERT_TEAMS) {
            teams.postInChannel(helpdesk.teamId(), helpdesk.channelId(), html);
        } else {
            mailbox.send(support.mailbox(), helpdesk.mailbox(), subject, html,
                    new Mailbox.MailTag(entry.caseId(), entry.caseId() + ":" + entry.kind()));
        }
    }
}
