package com.mfadesk.intake.graphmail;

import com.mfadesk.common.graph.GraphCalls;
import com.mfadesk.intake.cases.CaseRegistration;
import com.mfadesk.vocabulary.Channel;
import com.mfadesk.intake.cases.InboundCaseRepository;
import com.mfadesk.intake.cases.RejectedMail;
import com.mfadesk.intake.cases.SupportMailboxConfiguration;
import com.mfadesk.intake.email.EmailIntake;
import com.mfadesk.intake.email.IntakeLimits;
import com.mfadesk.intake.email.UnreadableEmailException;
import com.mfadesk.intake.notifications.NotificationSource;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The support mailbox's Inbox as a source of Graph notifications (MAIL_GRAPH): each new mail's MIME is read with
 * {@code $value} and taken in exactly like a posted one, keeping the mailbox's id of it for the answer.
 */
@Singleton
public class GraphMailSource implements NotificationSource {

    private static final Logger LOG = LoggerFactory.getLogger(GraphMailSource.class);
    /** The header section of a mail over the size limit is kept, up to this much. */
    private static final int HEADER_SECTION_LIMIT = 256 * 1024;

    private final GraphServiceClient graph;
    private final GraphMailConfiguration configuration;
    private final SupportMailboxConfiguration support;
    private final EmailIntake intake;
    private final InboundCaseRepository cases;
    private final RejectedMail rejected;
    private final IntakeLimits limits;
    private final InboxDelta delta;

    public GraphMailSource(GraphServiceClient graph, GraphMailConfiguration configuration,
                           SupportMailboxConfiguration support, EmailIntake intake, InboundCaseRepository cases,
                           RejectedMail rejected, IntakeLimits limits, InboxDelta delta) {
        this.graph = graph;
        this.configuration = configuration;
        this.support = support;
        this.intake = intake;
        this.cases = cases;
        this.rejected = rejected;
        this.limits = limits;
        this.delta = delta;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String notificationUrl() {
        return configuration.graph() ? configuration.notificationUrl() : null;
    }

    @Override
    public List<String> resources() {
        if (!configuration.graph() || support.mailbox() == null || support.mailbox().isBlank()) {
            return List.of();
        }
        return List.of("users/" + support.mailbox() + "/mailFolders('Inbox')/messages");
    }

    @Override
    public String changeType() {
        return "created";
    }

    @Override
    public Duration subscriptionLifetime() {
        return configuration.subscriptionLifetime();
    }

    @Override
    public Duration renewBefore() {
        return configuration.renewBefore();
    }

    @Override
    public boolean take(String resource) {
        Optional<String> messageId = MailResource.messageIdOf(resource);
        if (messageId.isEmpty()) {
            return false;
        }
        if (cases.existsByGraphMessageId(messageId.get())) {
            LOG.info("mail {} was taken in already", messageId.get());
            return true;
        }
        byte[] raw = GraphCalls.call("read mail " + messageId.get(), () -> readLimited(graph.users()
                .byUserId(support.mailbox()).messages().byMessageId(messageId.get()).content().get()));
        if (raw.length > limits.maxMessageBytes()) {
            keepRejected(messageId.get(), headerSectionOf(raw), raw.length, "over the size limit: more than "
                    + limits.maxMessageBytes() + " bytes; only the header section is kept here, the message stays "
                    + "in the mailbox");
            return true;
        }
        try {
            CaseRegistration registration = intake.take(raw, messageId.get());
            LOG.info("mail {} through Graph: case {} {}", messageId.get(), registration.caseId(),
                    registration.status());
        } catch (UnreadableEmailException e) {
            keepRejected(messageId.get(), raw, raw.length, "unreadable: " + e.getMessage());
        }
        return true;
    }

    @Override
    public void catchUp() {
        delta.catchUp();
    }

    private void keepRejected(String messageId, byte[] raw, long size, String reason) {
        rejected.keep(raw, size, reason);
        LOG.warn("mail {} kept in rejected_message: {}", messageId, reason);
    }

    /** Reads one byte past the limit at most: a mail that large is not held whole. */
    private byte[] readLimited(InputStream mime) {
        if (mime == null) {
            return new byte[0];
        }
        try (mime) {
            return mime.readNBytes(limits.maxMessageBytes() + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] headerSectionOf(byte[] raw) {
        int limit = Math.min(raw.length, HEADER_SECTION_LIMIT);
        for (int i = 0; i + 3 < limit; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n' && raw[i + 2] == '\r' && raw[i + 3] == '\n') {
                return Arrays.copyOf(raw, i + 4);
            }
        }
        return Arrays.copyOf(raw, limit);
    }
}
