package com.mfadesk.intake.imap;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * A real IMAP server (GreenMail) in the test JVM on a free loopback port, with one mailbox. Mail is put straight
 * into its INBOX, unseen or already {@code \Seen}, and each message is then followed by the UID it got.
 */
final class TestImapServer implements AutoCloseable {

    static final String MAILBOX = "support@contoso.com";

    private final GreenMail greenMail;
    private final GreenMailUser user;
    private final Session session = Session.getInstance(new Properties());

    TestImapServer(String password) {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        greenMail.start();
        user = greenMail.setUser(MAILBOX, MAILBOX, password);
    }

    int port() {
        return greenMail.getImap().getPort();
    }

    /** Puts the raw message into the INBOX, unseen; returns its UID. */
    long deliver(byte[] raw) {
        return append(raw, new Flags());
    }

    /** Puts the raw message into the INBOX already flagged {@code \Seen}, as a person reading the mailbox would. */
    long deliverSeen(byte[] raw) {
        return append(raw, new Flags(Flags.Flag.SEEN));
    }

    boolean isSeen(long uid) {
        return message(uid).isSet(Flags.Flag.SEEN);
    }

    boolean allSeen(List<Long> uids) {
        return uids.stream().allMatch(this::isSeen);
    }

    /** The message as the server sends it for {@code BODY[]}. */
    byte[] servedBytes(long uid) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message(uid).getMimeMessage().writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long append(byte[] raw, Flags flags) {
        try {
            return inbox().appendMessage(new MimeMessage(session, new ByteArrayInputStream(raw)), flags, new Date());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private StoredMessage message(long uid) {
        StoredMessage message = inbox().getMessage(uid);
        if (message == null) {
            throw new IllegalArgumentException("no message with UID " + uid);
        }
        return message;
    }

    private MailFolder inbox() {
        try {
            return greenMail.getManagers().getImapHostManager().getInbox(user);
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
