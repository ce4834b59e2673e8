package com.mfadesk.intake.graphmail;

import com.mfadesk.common.graph.GraphCalls;
import com.mfadesk.common.graph.GraphException;
import com.mfadesk.vocabulary.Channel;
import com.mfadesk.intake.cases.ExternalIds;
import com.mfadesk.intake.cases.InboundCase;
import com.mfadesk.intake.cases.InboundCaseRepository;
import com.mfadesk.intake.cases.SupportMailboxConfiguration;
import com.mfadesk.intake.notifications.ChangeNotification;
import com.mfadesk.intake.notifications.ChangeNotificationRepository;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.mailfolders.item.messages.delta.DeltaGetResponse;
import com.microsoft.graph.users.item.mailfolders.item.messages.delta.DeltaRequestBuilder;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the Inbox mail that no notification brought (a restart, a {@code missed} lifecycle event, a removed
 * subscription) through the Inbox's delta query, resuming from the deltaLink of the last completed round, and queues
 * each mail not yet taken in like a notification. The very first round only sets the baseline: it takes in mail
 * received after the first start (or after MAIL_GRAPH_SINCE), never the mailbox's history. A deltaLink Graph no
 * longer honours starts a new round from the newest mail already taken in.
 */
@Singleton
public class InboxDelta {

    private static final Logger LOG = LoggerFactory.getLogger(InboxDelta.class);
    private static final String[] FIELDS = {"id", "internetMessageId", "receivedDateTime"};
    private static final int PAGE_SIZE = 100;
    /** A new round after a refused deltaLink looks back this far before the newest mail already taken in. */
    private static final Duration RESTART_MARGIN = Duration.ofHours(1);

    private final GraphServiceClient graph;
    private final GraphMailConfiguration configuration;
    private final SupportMailboxConfiguration support;
    private final MailDeltaRepository deltas;
    private final InboundCaseRepository cases;
    private final ChangeNotificationRepository notifications;
    private final Clock clock;

    public InboxDelta(GraphServiceClient graph, GraphMailConfiguration configuration,
                      SupportMailboxConfiguration support, MailDeltaRepository deltas, InboundCaseRepository cases,
                      ChangeNotificationRepository notifications, Clock clock) {
        this.graph = graph;
        this.configuration = configuration;
        this.support = support;
        this.deltas = deltas;
        this.cases = cases;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** One round at a time: two would read the same mail twice. */
    public synchronized void catchUp() {
        String mailbox = support.mailbox();
        var stored = deltas.findById(mailbox);
        if (stored.isEmpty()) {
            round(mailbox, configuration.graphSince() != null ? configuration.graphSince() : clock.instant(), null);
            return;
        }
        try {
            round(mailbox, null, stored.get().deltaLink());
        } catch (GraphException e) {
            if (e.isTransient()) {
                throw e;
            }
            Instant since = cases.findMaxReceivedAtByChannel(Channel.EMAIL).orElse(clock.instant())
                    .minus(RESTART_MARGIN);
            LOG.warn("the Inbox's deltaLink was refused ({}); starting a new round from {}", e.getMessage(), since);
            round(mailbox, since, null);
        }
    }

    /**
     * @param since     for a new round: only mail received from then on is taken in
     * @param deltaLink for a resumed round: where it resumes
     */
    private void round(String mailbox, Instant since, String deltaLink) {
        var folder = graph.users().byUserId(mailbox).mailFolders().byMailFolderId("Inbox").messages().delta();
        DeltaGetResponse page = deltaLink != null
                ? GraphCalls.call("Inbox delta", () -> folder.withUrl(deltaLink).get(this::pageSize))
                : GraphCalls.call("Inbox delta", () -> folder.get(request -> {
                    pageSize(request);
                    request.queryParameters.select = FIELDS;
                    // whole seconds: OData's DateTimeOffset takes at most seven fractional digits, an Instant has nine
                    request.queryParameters.filter = "receivedDateTime ge " + since.truncatedTo(ChronoUnit.SECONDS);
                }));
        int queued = 0;
        while (true) {
            queued += queueMissed(mailbox, page.getValue(), since);
            if (page.getOdataNextLink() == null) {
                break;
            }
            String next = page.getOdataNextLink();
            page = GraphCalls.call("Inbox delta", () -> folder.withUrl(next).get(this::pageSize));
        }
        if (page.getOdataDeltaLink() != null) {
            MailDelta next = new MailDelta(mailbox, page.getOdataDeltaLink(), clock.instant());
            if (deltas.existsById(mailbox)) {
                deltas.update(next);
            } else {
                deltas.save(next);
            }
        }
        if (queued > 0) {
            LOG.info("caught up {} mail(s) that no notification brought", queued);
        }
    }

    private void pageSize(DeltaRequestBuilder.GetRequestConfiguration request) {
        request.headers.add("Prefer", "odata.maxpagesize=" + PAGE_SIZE);
    }

    /** Mail Graph lists but intake does not have; {@code since} is checked here too, whatever Graph filtered. */
    private int queueMissed(String mailbox, List<Message> listed, Instant since) {
        List<Message> mails = listed == null ? List.of() : listed.stream()
                .filter(m -> m.getId() != null && !m.getAdditionalData().containsKey("@removed"))
                .filter(m -> since == null || m.getReceivedDateTime() == null
                        || !m.getReceivedDateTime().toInstant().isBefore(since))
                .toList();
        List<String> externalIds = mails.stream().map(Message::getInternetMessageId).filter(Objects::nonNull)
                .map(ExternalIds::normalize).toList();
        Set<String> known = externalIds.isEmpty() ? Set.of()
                : cases.findByChannelAndExternalIdInList(Channel.EMAIL, externalIds).stream()
                .map(InboundCase::externalId).collect(Collectors.toSet());
        int queued = 0;
        for (Message mail : mails) {
            if (mail.getInternetMessageId() != null && known.contains(ExternalIds.normalize(mail.getInternetMessageId()))) {
                continue;
            }
            notifications.save(ChangeNotification.pending(Channel.EMAIL, MailResource.of(mailbox, mail.getId()),
                    "created", null, clock.instant()));
            queued++;
        }
        return queued;
    }
}
