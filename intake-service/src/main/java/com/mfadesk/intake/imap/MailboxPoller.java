package com.mfadesk.intake.imap;

import com.mfadesk.intake.cases.CaseRegistration;
import com.mfadesk.intake.cases.RejectedMail;
import com.mfadesk.intake.email.EmailIntake;
import com.mfadesk.intake.email.IntakeLimits;
import com.mfadesk.intake.email.UnreadableEmailException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;

/**
 * Takes in the unseen mail of {@code IMAP_FOLDER}, oldest first, exactly like {@code POST /api/v1/messages/email},
 * and flags each message {@code \Seen} only once intake has stored it. A crash or a dropped connection between the
 * two leaves the message unseen: it is read again on the next poll and intake answers DUPLICATE (the dedupe by
 * Message-ID or raw-bytes digest), so nothing is lost and nothing is answered twice. Mail that can never become a
 * case (unreadable, over {@code intake.max-message-bytes}) is kept in {@code rejected_message} before it is flagged.
 * Intake never deletes or moves mail: the mailbox keeps every original.
 *
 * <p>Polling rather than IDLE: one SEARCH every {@code imap.poll-interval} is cheap, and it keeps the connection in
 * use so servers do not drop it as idle. Connection failures are retried with a capped exponential back-off.
 */
@Singleton
@Requires(property = "imap.host", pattern = ImapConfiguration.HOST_IS_SET)
public class MailboxPoller {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxPoller.class);

    private final MailboxConnection connection;
    private final EmailIntake intake;
    private final RejectedMail rejected;
    private final IntakeLimits limits;
    private final ImapConfiguration configuration;
    private final Clock clock;
    private final Backoff backoff;

    MailboxPoller(MailboxConnection connection, EmailIntake intake, RejectedMail rejected, IntakeLimits limits,
                  ImapConfiguration configuration, Clock clock) {
        this.connection = connection;
        this.intake = intake;
        this.rejected = rejected;
        this.limits = limits;
        this.configuration = configuration;
        this.clock = clock;
        this.backoff = new Backoff(configuration.initialBackoff(), configuration.maxBackoff());
    }

    @Scheduled(fixedDelay = "${imap.poll-interval:10s}", initialDelay = "1s")
    void poll() {
        if (backoff.isWaiting(clock.instant())) {
            return;
        }
        try {
            Folder folder = connection.openFolder();
            Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
            folder.fetch(unseen, uidAndSize());
            for (Message message : unseen) {
                try {
                    takeIn(folder, message);
                } catch (MessageRemovedException e) {
                    LOG.info("IMAP message {} was deleted before it could be read", message.getMessageNumber());
                }
            }
            backoff.succeeded();
        } catch (MessagingException | IOException | RuntimeException e) {
            // intake's own failures are handled per message, so this is the connection: Jakarta Mail answers a folder
            // the server has just closed with IllegalStateException, a dropped socket with FolderClosedException
            Duration wait = backoff.failed(clock.instant());
            LOG.warn("IMAP {} failed ({} in a row): {}; trying again in {}", configuration.address(),
                    backoff.failuresInARow(), e.toString(), wait);
            connection.close();
        }
    }

    private void takeIn(Folder folder, Message message) throws MessagingException, IOException {
        long uid = ((UIDFolder) folder).getUID(message);
        // RFC822.SIZE first, so an oversized message is not downloaded; servers only approximate it (Exchange), so
        // the bytes themselves are measured too
        byte[] raw = message.getSize() > limits.maxMessageBytes() ? null : rawBytesOf(message);
        boolean stored;
        if (raw != null && raw.length <= limits.maxMessageBytes()) {
            stored = stored(uid, raw);
        } else {
            long size = Math.max(message.getSize(), raw == null ? 0 : raw.length);
            stored = keepRejected(uid, headerSectionOf(message), size, "over the size limit: " + size
                    + " bytes, the limit is " + limits.maxMessageBytes()
                    + "; only the header section is kept here, the message stays in the mailbox");
        }
        if (stored) {
            message.setFlag(Flags.Flag.SEEN, true);
        }
    }

    /** Intake stored it (ACCEPTED, IGNORED) or had it already (DUPLICATE), or it is kept as rejected. */
    private boolean stored(long uid, byte[] raw) {
        try {
            CaseRegistration registration = intake.take(raw);
            LOG.info("IMAP message uid {}: case {} {}", uid, registration.caseId(), registration.status());
            return true;
        } catch (UnreadableEmailException e) {
            return keepRejected(uid, raw, raw.length, "unreadable: " + e.getMessage());
        } catch (RuntimeException e) {
            // the database, most likely: the message stays unseen and is read again on the next poll
            LOG.error("IMAP message uid {} could not be stored; it stays unseen", uid, e);
            return false;
        }
    }

    private boolean keepRejected(long uid, byte[] raw, long size, String reason) {
        try {
            rejected.keep(raw, size, reason);
            LOG.warn("IMAP message uid {} kept in rejected_message: {}", uid, reason);
            return true;
        } catch (RuntimeException e) {
            LOG.error("IMAP message uid {} could not be kept as rejected; it stays unseen", uid, e);
            return false;
        }
    }

    /** Fetched for the whole batch in one command, rather than a round trip per message. */
    private static FetchProfile uidAndSize() {
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        return profile;
    }

    /**
     * The message exactly as the server holds it: {@code writeTo} of a message not yet loaded copies the server's
     * {@code BODY.PEEK[]} unchanged rather than re-assembling headers and parts.
     */
    private static byte[] rawBytesOf(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.max(message.getSize(), 1024));
        message.writeTo(raw);
        return raw.toByteArray();
    }

    private static byte[] headerSectionOf(Message message) throws MessagingException {
        StringBuilder headers = new StringBuilder();
        for (String line : Collections.list(((MimeMessage) message).getAllHeaderLines())) {
            headers.append(line).append("\r\n");
        }
        return headers.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
