package com.mfadesk.notify.reply;

import com.mfadesk.common.graph.GraphBatch;
import com.mfadesk.notify.cases.SupportMailboxConfiguration;
import com.mfadesk.notify.graph.Mailbox;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Graph's ids of support mails, found ahead of their answers so that a backlog does not cost a look-up per mail:
 * a large backlog lists the mailbox (a page of up to 1,000 mails per request), a small one finds its mails in JSON
 * batches. Each id is taken once, when its mail is answered; the rest are forgotten oldest first (another instance
 * may answer those mails).
 */
@Singleton
public class MailLookAhead {

    /** From this many mails to find, listing the mailbox beats batches of 20 look-ups. */
    static final int LIST_FROM = 10;
    private static final int MAX_PAGES = 5;
    private static final int REMEMBERED = 5000;
    /** Exchange stamps a mail when it arrives; intake's time may be later, a sender's Date header off. */
    private static final Duration RECEIPT_MARGIN = Duration.ofHours(1);

    private final Mailbox mailbox;
    private final SupportMailboxConfiguration support;
    private final Map<String, String> found = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    });

    public MailLookAhead(Mailbox mailbox, SupportMailboxConfiguration support) {
        this.mailbox = mailbox;
        this.support = support;
    }

    /** @param received when each mail about to be answered came in, by Internet Message-ID */
    public void findAhead(Map<String, Instant> received) {
        Map<String, Instant> missing = new LinkedHashMap<>(received);
        missing.keySet().removeIf(found::containsKey);
        if (missing.size() >= LIST_FROM) {
            Instant since = Collections.min(missing.values()).minus(RECEIPT_MARGIN);
            found.putAll(mailbox.listReceivedSince(support.mailbox(), since, missing.keySet(), MAX_PAGES));
            missing.keySet().removeIf(found::containsKey);
        }
        if (missing.size() < 2) {
            return; // a batch of one costs what the look-up alone does
        }
        List<String> messageIds = new ArrayList<>(missing.keySet());
        for (int from = 0; from < messageIds.size(); from += GraphBatch.MAX_REQUESTS) {
            List<String> chunk = messageIds.subList(from, Math.min(messageIds.size(), from + GraphBatch.MAX_REQUESTS));
            found.putAll(mailbox.findMessageIds(support.mailbox(), chunk));
        }
    }

    public Optional<String> take(String internetMessageId) {
        return Optional.ofNullable(found.remove(internetMessageId));
    }
}
